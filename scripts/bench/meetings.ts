/**
 * FTO/PaTz meeting figures:
 * - parse time per command (the issue's examples, plan/series/verzet), median and p95 in microseconds;
 * - RSVP storm: 200 invited members answer the same invitation concurrently through HTTP (/api/messages,
 *   Action.Execute invokes as Teams sends them), 10% of them click twice, 20 people outside the group try
 *   too. Checked against the database and the last shared-card edit: every answer counted exactly once,
 *   nothing stored for outsiders, the final shared card shows the right counts. Latency is the HTTP round
 *   trip of each invoke, next to the floor: a bare teams-ai bot on the same stack answering the same
 *   invokes with the same concurrency (target: p95 ≤ 2× the floor's p95, issue 11);
 * - reminder planning for 10,000 scheduled meetings (the bulk path: one lookup of existing keys and
 *   createMany in one transaction; target < 1 s), and re-planning the same (idempotent) set.
 *
 *   npx tsx scripts/bench/meetings.ts          (standalone)
 *   benchMeetings()                            (from scripts/bench/index.ts)
 * Knobs: BENCH_MEETING_MEMBERS (200), BENCH_MEETING_REMINDERS (10000), BENCH_RSVP_STORMS (5 storms per figure).
 */
import { randomUUID } from 'node:crypto';
import { actionExecute, channelMessage, type TestUser } from '../../test/support/activities';
import { cardOf, textOf } from '../../test/support/connectorStub';
import { startTestBot, type TestBot } from '../../test/support/harness';
import { importRoster, USERS } from '../../test/support/roster';
import { parsePlanCommand, parseRescheduleTarget } from '../../src/features/meetings';
import { jobsForMeeting, planJobs } from '../../src/features/meetings/reminders';
import type { MeetingsModule } from '../../src/teams/handlers/meetings';
import { startEchoBot } from './echoBot';
import { ensureTemplateDb, pool, postJson, shuffle } from './load';
import { profiled } from './profile';
import { percentile, round } from './stats';

const NOW = new Date('2026-11-23T10:00:00Z');
const GROUPS = ['Oost', 'Noord', 'Wijkgroep Zuid', 'Nieuw-West', 'De Pijp'];
const COMMANDS = [
  'FTO di 8 dec 12:30 Oost over antistolling',
  'patz 14-1 om half 1 wijkgroep Noord 90 min',
  'spiegel volgende week dinsdag 17.30',
  'wijkoverleg 8-12 19:00-21:00 locatie Huisartsenpost Oost online https://teams.example/x over jaarplan',
  'PaTz elke 8 weken op dinsdag 12:30 vanaf 13 jan tot juli',
];

function micros(fn: () => unknown, runs: number): { median: number; p95: number } {
  for (let i = 0; i < 200; i++) fn(); // warm-up (JIT, holiday tables)
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e3);
  }
  samples.sort((a, b) => a - b);
  return { median: round(percentile(samples, 50), 1), p95: round(percentile(samples, 95), 1) };
}

export function benchParsing(runs = 2_000): Record<string, string> {
  const out: Record<string, string> = {};
  for (const command of COMMANDS) {
    const r = micros(() => parsePlanCommand(command, { now: NOW, groupNames: GROUPS }), runs);
    out[`parse "plan ${command.slice(0, 38)}${command.length > 38 ? '…' : ''}" µs (median | p95)`] = `${r.median} | ${r.p95}`;
  }
  const r = micros(() => parseRescheduleTarget('FTO-7K2 naar 15 dec 19:00', { now: NOW, current: new Date('2026-12-08T11:30:00Z') }), runs);
  out['parse "verzet FTO-7K2 naar 15 dec 19:00" µs (median | p95)'] = `${r.median} | ${r.p95}`;
  return out;
}

const ANSWERS = ['yes', 'no', 'maybe'] as const;

async function planMeeting(t: TestBot): Promise<{ meetingId: string; messageId: string }> {
  await t.post(channelMessage(t.stub.url, USERS.coordOost, 'koppel Oost'));
  const before = t.stub.sent.length;
  await t.post(channelMessage(t.stub.url, USERS.coordOost, 'plan FTO di 8 dec 12:30 over antistolling'));
  const card = cardOf(t.stub.sent.slice(before).at(-1)?.body);
  const inputs: Record<string, string> = {};
  let draftId = '';
  JSON.stringify(card, (_k, v) => {
    if (v && typeof v === 'object' && typeof v.type === 'string' && v.type.startsWith('Input.') && v.id) inputs[v.id] = String(v.value ?? '');
    if (v && typeof v === 'object' && v.verb === 'meeting.draft.confirm') draftId = v.data.draftId;
    return v;
  });
  await t.post(actionExecute(t.stub.url, USERS.coordOost, 'meeting.draft.confirm', { draftId, ...inputs }));
  const meeting = await t.bot.services.db.meeting.findFirstOrThrow({ where: { requestKey: `${draftId}:0` } });
  if (!meeting.messageId) throw new Error('the storm invitation was not posted');
  return { meetingId: meeting.id, messageId: meeting.messageId };
}

export async function benchRsvpStorm(opts: { members?: number; concurrency?: number } = {}): Promise<Record<string, string | number>> {
  const members = opts.members ?? Number(process.env.BENCH_MEETING_MEMBERS ?? 200);
  const concurrency = opts.concurrency ?? members; // everyone at once
  await ensureTemplateDb();
  const t = await startTestBot({ clock: () => NOW });
  const echo = await startEchoBot();
  try {
    const invited: TestUser[] = Array.from({ length: members }, (_, i) => ({ aad: randomUUID(), name: `Huisarts ${i + 1}` }));
    const outsiders: TestUser[] = Array.from({ length: Math.round(members / 10) }, (_, i) => ({ aad: randomUUID(), name: `Noord ${i + 1}` }));
    await importRoster(t.bot);
    await importRoster(t.bot, `wijkgroep,naam,email,aad_object_id,rol\n${[
      ...invited.map((u, i) => `Oost,${u.name},ha${i}@bench.test,${u.aad},huisarts`),
      ...outsiders.map((u, i) => `Noord,${u.name},no${i}@bench.test,${u.aad},huisarts`),
    ].join('\n')}\n`);
    const mod = t.bot.modules.find((m) => m.name === 'meetings') as MeetingsModule;
    // shared-card edits at the production pace (INVITE_CARD_MIN_INTERVAL_MS: Teams allows ~1 edit/s per message)
    const { meetingId, messageId } = await planMeeting(t);

    // warm the invoke path outside the measurement (a refresh by the coordinator changes nothing), with as
    // many invokes as the storm has, at its concurrency; the floor below gets the same warm-up. With only 50
    // both sides were still warming up (JIT, sockets) during the measured storm, and the 50-in-flight ratio
    // mostly measured that: the floor's own p95 was 8× its median.
    const warmUps = members + Math.round(members / 10) + outsiders.length;
    await pool(Array.from({ length: warmUps }), concurrency, () => postJson(t.bot.url, actionExecute(t.stub.url, USERS.coordOost, 'meeting.view', { meetingId }, { replyToId: messageId })));
    await mod.cardUpdates.request(meetingId); // and the shared-card edit path (its first use loads code lazily)

    const intended = invited.map((user) => ({ user, answer: ANSWERS[Math.floor(Math.random() * 3)] }));
    const clicks = shuffle([
      ...intended.map((c) => ({ ...c, kind: 'answer' as const })),
      ...intended.slice(0, Math.round(members / 10)).map((c) => ({ ...c, kind: 'repeat' as const })),
      ...outsiders.map((user) => ({ user, answer: 'yes' as const, kind: 'outsider' as const })),
    ]);
    const updatesBefore = t.stub.updates.length;
    const started = Date.now();
    const { ms, results } = await profiled(`rsvp-storm-${concurrency}`, () => pool(clicks, concurrency, (c) =>
      postJson(t.bot.url, actionExecute(t.stub.url, c.user, 'meeting.rsvp', { meetingId, answer: c.answer }, { replyToId: messageId }))));
    const durationMs = Date.now() - started;
    await mod.idle();

    const db = t.bot.services.db;
    const rows = await db.meetingRsvp.findMany({ where: { meetingId } });
    const outsiderIds = new Set((await db.person.findMany({ where: { aadObjectId: { in: outsiders.map((u) => u.aad) } }, select: { id: true } })).map((p) => p.id));
    const expected = { yes: 0, no: 0, maybe: 0 };
    for (const c of intended) expected[c.answer]++;
    const stored = { yes: 0, no: 0, maybe: 0 };
    for (const r of rows) stored[r.answer as keyof typeof stored]++;
    const failed = results.filter((r) => r.status !== 200 || r.body?.type !== 'application/vnd.microsoft.card.adaptive').length;
    const refused = results.filter((r, i) => clicks[i].kind === 'outsider' && JSON.stringify(r.body).includes('Sorry, deze uitnodiging')).length;
    const shared = cardOf(t.stub.updates.filter((u) => u.activityId === messageId).at(-1)?.body);
    const sharedText = textOf({ type: 'AdaptiveCard', body: shared?.body ?? [] });
    const expectedLine = `Ik kom: ${expected.yes} · Misschien: ${expected.maybe} · Ik kom niet: ${expected.no}`;

    // the floor: the same invokes, same concurrency, against a bare teams-ai bot
    const floorClick = (c: (typeof clicks)[number]) => actionExecute(t.stub.url, c.user, 'meeting.rsvp', { meetingId, answer: c.answer }, { replyToId: messageId });
    await pool(clicks, concurrency, (c) => postJson(echo.url, floorClick(c))); // the same warm-up as the bot's
    const floor = await pool(clicks, concurrency, (c) => postJson(echo.url, floorClick(c)));
    const sorted = [...ms].sort((a, b) => a - b);
    const floorSorted = [...floor.ms].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    const floorP95 = percentile(floorSorted, 95);
    return {
      'storm: invited members / repeats / outsiders': `${members} / ${Math.round(members / 10)} / ${outsiders.length}`,
      'storm: invokes in flight': concurrency,
      'answers counted exactly once': JSON.stringify(stored) === JSON.stringify(expected) && rows.length === members ? 'yes' : `NO (${JSON.stringify(stored)} vs ${JSON.stringify(expected)})`,
      'RSVP rows (one per member)': rows.length,
      'stored for outsiders': rows.filter((r) => outsiderIds.has(r.personId)).length,
      'outsiders refused': `${refused} of ${outsiders.length}`,
      'failed invokes': failed,
      'final shared card correct': sharedText.includes(expectedLine) && !/Jouw antwoord/.test(sharedText) ? 'yes' : `NO (${sharedText.split('\n').find((l) => l.startsWith('Ik kom')) ?? 'no card'})`,
      'shared card edits': t.stub.updates.length - updatesBefore,
      'storm duration ms': durationMs,
      'invoke p50 ms': round(percentile(sorted, 50)),
      'invoke p95 ms': round(p95),
      'invoke p99 ms': round(percentile(sorted, 99)),
      'echo floor p50 ms': round(percentile(floorSorted, 50)),
      'echo floor p95 ms': round(floorP95),
      'p95 / echo floor p95 (target ≤ 2)': round(p95 / floorP95),
    };
  } finally {
    await echo.stop();
    await t.stop();
  }
}

/** Reminder (and invite/attendance) jobs for N scheduled meetings in one transaction, then the same again. */
export async function benchReminderPlanning(count = Number(process.env.BENCH_MEETING_REMINDERS ?? 10_000)): Promise<Record<string, string | number>> {
  await ensureTemplateDb();
  const t = await startTestBot({ clock: () => NOW });
  try {
    const db = t.bot.services.db;
    const group = await db.wijkGroup.create({ data: { slug: 'bench', name: 'Bench' } });
    const meetings = Array.from({ length: count }, (_, i) => {
      const startsAt = new Date(NOW.getTime() + (3 + (i % 700)) * 86_400_000 + (i % 8) * 3_600_000);
      return {
        id: `cbench${String(i).padStart(19, '0')}`, code: `FTO-B${i.toString(36).toUpperCase().padStart(4, '0')}`, groupId: group.id, type: 'FTO',
        startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000), creatorId: 'bench', creatorName: 'Bench',
      };
    });
    for (let i = 0; i < meetings.length; i += 1_000) await db.meeting.createMany({ data: meetings.slice(i, i + 1_000) });
    const plan = async () => {
      const t0 = process.hrtime.bigint();
      const created = await db.$transaction(async (tx) => {
        const rows = meetings.flatMap((m) => jobsForMeeting({ ...m, sequence: 0 }, { daysBefore: 2, now: NOW, inviteAt: null }).filter((j) => j.kind === 'meeting.reminder'));
        return planJobs(tx, rows);
      }, { timeout: 60_000 });
      return { ms: Number(process.hrtime.bigint() - t0) / 1e6, created };
    };
    const first = await plan();
    const again = await plan();
    const jobs = await db.job.count({ where: { kind: 'meeting.reminder' } });
    return {
      [`reminders planned for ${count} meetings ms (target < 1000)`]: round(first.ms),
      'reminder jobs created': first.created,
      're-planning the same set (idempotent) ms': round(again.ms),
      'jobs created by re-planning': again.created,
      'reminder jobs in the table': jobs,
    };
  } finally {
    await t.stop();
  }
}

/**
 * One storm's p95 is its 12th slowest click of 240, so the ratio moved by ±0.4 between identical runs:
 * each storm is run STORMS times (a fresh bot each time), all ratios are printed and their median is the
 * figure. Every storm's checks must hold.
 */
const STORMS = Number(process.env.BENCH_RSVP_STORMS ?? 5);
const RATIO = 'p95 / echo floor p95 (target ≤ 2)';
const CHECKS = ['answers counted exactly once', 'final shared card correct'];

async function repeatedStorms(concurrency: number | undefined): Promise<Record<string, string | number>> {
  const runs: Record<string, string | number>[] = [];
  for (let i = 0; i < STORMS; i++) runs.push(await benchRsvpStorm({ concurrency }));
  const ratios = runs.map((r) => Number(r[RATIO]));
  const checks = Object.fromEntries(CHECKS.map((k) => [k, runs.every((r) => r[k] === 'yes') ? `yes (${runs.length} of ${runs.length} storms)` : `NO: ${runs.map((r) => r[k]).join(' | ')}`]));
  return {
    ...runs[0],
    ...checks,
    'failed invokes': runs.reduce((sum, r) => sum + Number(r['failed invokes']), 0),
    [`${RATIO}, per storm`]: ratios.join(' · '),
    [`${RATIO}, median of ${runs.length} storms`]: round(percentile([...ratios].sort((a, b) => a - b), 50)),
  };
}

export async function benchMeetings(): Promise<Record<string, unknown>> {
  const all = await repeatedStorms(undefined);
  const fifty = await repeatedStorms(50);
  const prefixed = Object.fromEntries(
    Object.entries(fifty).filter(([k]) => /in flight|exactly once|final shared|failed|p50|p95/.test(k)).map(([k, v]) => [`[50 in flight] ${k}`, v]),
  );
  return { ...benchParsing(), ...all, ...prefixed, ...(await benchReminderPlanning()) };
}

if (require.main === module) {
  benchMeetings()
    .then((figures) => {
      for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(64)} ${v}`);
      process.exit(0);
    })
    .catch((err) => {
      console.error('meetings bench failed:', err);
      process.exit(1);
    });
}
