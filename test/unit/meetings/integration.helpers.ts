/** Shared bits for the unit tests of the meetings integration (cards, drafts, links, jobs). */
import type { MeetingRecord } from '../../../src/features/meetings/repository';

export function meetingRecord(over: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    id: 'cmeeting000000000000000001',
    code: 'FTO-7K2',
    groupId: 'group-oost',
    type: 'FTO',
    status: 'planned',
    startsAt: new Date('2026-12-08T11:30:00Z'),
    endsAt: new Date('2026-12-08T13:00:00Z'),
    theme: 'antistolling',
    location: 'Gezondheidscentrum Oost',
    onlineUrl: null,
    sequence: 0,
    seriesId: null,
    creatorId: 'carla',
    creatorName: 'Carla Coördinator',
    locale: 'nl',
    conversationId: 'channel',
    messageId: 'msg',
    remindedSeq: null,
    attendanceAt: null,
    attendanceBy: null,
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
  if (JSON.stringify(card).includes('${')) problems.push('unexpanded ${...}');
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
    if (Array.isArray(n.facts)) for (const f of n.facts) out.push(`${f.title} ${f.value}`);
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  walk(card.body);
  return out.join('\n');
}
