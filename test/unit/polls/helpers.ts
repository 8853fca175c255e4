/** Shared bits for the polls unit tests. */
import type { PollRecord } from '../../../src/features/polls/types';

export function pollRecord(over: Partial<PollRecord> = {}): PollRecord {
  return {
    id: 7,
    status: 'open',
    question: 'Moet de ROHA-raad maandelijks vergaderen?',
    options: ['Ja', 'Nee', 'Alleen digitaal'],
    multiple: false,
    anonymous: false,
    resultsLive: true,
    feedback: false,
    deadline: new Date('2026-11-27T16:00:00Z'),
    audience: 'raad',
    audienceGroupIds: [],
    target: { kind: 'here' },
    creatorId: 'creator',
    creatorName: 'Carla Coördinator',
    locale: 'nl',
    draftConversationId: 'conv',
    conversationId: 'conv',
    messageId: 'msg',
    eligibleCount: 13,
    changes: 0,
    result: null,
    publishedAt: new Date('2026-11-23T10:00:00Z'),
    closedAt: null,
    closedBy: null,
    ...over,
  };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

/** Problems the Adaptive Cards library reports, plus the three it misses (teams-testing.md, trap 6). */
export function cardProblems(card: any): string[] {
  const problems: string[] = [];
  const ac = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  ac.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of ac.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  if (card.version !== '1.5') problems.push('version is not 1.5');
  const json = JSON.stringify(card);
  if (json.includes('${')) problems.push('unexpanded ${...}');
  for (const a of actions(card)) if (a.type === 'Action.Execute' && !a.verb) problems.push(`Action.Execute "${a.title}" has no verb`);
  return problems;
}

export function actions(card: any): any[] {
  const out: any[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (typeof n.type === 'string' && n.type.startsWith('Action.')) out.push(n);
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  walk(card);
  return out;
}

export function texts(card: any): string {
  const out: string[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if ((n.type === 'TextBlock' || n.type === 'TextRun') && typeof n.text === 'string') out.push(n.text);
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  walk(card.body);
  return out.join('\n');
}
