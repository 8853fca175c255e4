/**
 * Plays the Bot Connector REST API on 127.0.0.1 and records every call the bot makes, so tests can assert
 * what was really sent (replies, proactive posts, card updates). Ids contain ':', ';' and '@': segments are
 * decoded. `failNext` makes the next calls answer with an error status (429, 502, ...) to test retries.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  conversationId?: string;
  activityId?: string;
  /** for a POSTed activity: the id the stub gave it (what the bot would update or delete later) */
  createdId?: string;
  body: any;
  authorization?: string;
}

export interface StubMember {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
  userPrincipalName?: string;
}

export class ConnectorStub {
  readonly calls: RecordedCall[] = [];
  members: StubMember[] = [];
  channels: { id: string; name?: string }[] = [];
  private failures: (number | 0)[] = []; // 0: this call succeeds (see failNext's `after`)
  private server!: http.Server;
  private counter = 0;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** The next `times` calls answer `status`; with `after`, that many calls succeed first. */
  failNext(status: number, times = 1, after = 0): void {
    for (let i = 0; i < after; i++) this.failures.push(0);
    for (let i = 0; i < times; i++) this.failures.push(status);
  }

  /** ids of activities the bot deleted */
  get deletedIds(): string[] {
    return this.calls.filter((c) => c.method === 'DELETE' && c.activityId).map((c) => c.activityId!);
  }

  /** activities the bot sent (new messages and replies), in order */
  get sent(): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.path.includes('/activities'));
  }

  get updates(): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'PUT');
  }

  /** plain text of sent messages and the text of every TextBlock in sent cards */
  sentTexts(): string[] {
    return this.sent.map((c) => textOf(c.body));
  }

  clear(): void {
    this.calls.length = 0;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const segs = path.split('/').filter(Boolean).map(decodeURIComponent);
      let body: any = undefined;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const call: RecordedCall = { method: req.method ?? '', path, body, authorization: req.headers.authorization };
      const reply = (status: number, json?: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(json === undefined ? '' : JSON.stringify(json));
      };
      const failure = this.failures.shift();
      if (failure) {
        this.calls.push({ ...call, method: `FAILED-${call.method}` });
        return reply(failure, { error: { code: 'Throttled', message: 'stub failure' } });
      }
      // /v3/conversations/{id}/activities[/{activityId}]
      if (segs[0] === 'v3' && segs[1] === 'conversations' && segs[3] === 'activities') {
        call.conversationId = segs[2];
        call.activityId = segs[4];
        this.calls.push(call);
        if (req.method === 'DELETE') return reply(200);
        const id = req.method === 'PUT' ? segs[4] : `activity-${++this.counter}`;
        if (req.method === 'POST') call.createdId = id;
        return reply(200, { id });
      }
      if (segs[0] === 'v3' && segs[1] === 'conversations' && segs.length === 2 && req.method === 'POST') {
        this.calls.push(call);
        return reply(200, { id: `a:conv-${++this.counter}`, activityId: `activity-${++this.counter}` });
      }
      if (segs[0] === 'v3' && segs[1] === 'conversations' && (segs[3] === 'members' || segs[3] === 'pagedmembers')) {
        this.calls.push({ ...call, conversationId: segs[2] });
        if (segs[4]) {
          const m = this.members.find((x) => x.id === segs[4] || x.aadObjectId === segs[4]);
          return m ? reply(200, m) : reply(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
        }
        return segs[3] === 'pagedmembers' ? reply(200, { members: this.members }) : reply(200, this.members);
      }
      if (segs[0] === 'v3' && segs[1] === 'teams') {
        this.calls.push(call);
        if (segs[3] === 'conversations') return reply(200, { conversations: this.channels });
        return reply(200, { id: segs[2], name: 'Team' });
      }
      this.calls.push(call);
      return reply(404, { error: { code: 'NotFound', message: path } });
    });
  }
}

export function textOf(activity: any): string {
  if (!activity) return '';
  const parts: string[] = [];
  if (typeof activity.text === 'string') parts.push(activity.text);
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if ((node.type === 'TextBlock' || node.type === 'TextRun') && typeof node.text === 'string') parts.push(node.text);
    if (node.type === 'Fact') parts.push(`${node.title} ${node.value}`);
    if (Array.isArray(node.facts)) node.facts.forEach((f: any) => parts.push(`${f.title} ${f.value}`));
    for (const v of Object.values(node)) if (typeof v === 'object') walk(v);
  };
  walk(activity.attachments ?? []);
  if (activity.type === 'AdaptiveCard') walk(activity.body);
  return parts.join('\n');
}

/** the Adaptive Card content of a sent activity */
export function cardOf(activity: any): any {
  return activity?.attachments?.find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}
