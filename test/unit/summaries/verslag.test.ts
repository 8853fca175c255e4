/**
 * Pure parts of the verslag: reading the form from card data (sizes), action lines ('wat | wie | datum')
 * with Dutch dates and owners among the members, reminder timing, and the cards (valid Adaptive Cards,
 * every part of a long verslag under 80 KB). The guard as a gate is tested in test/unit/privacy.
 */
import { formCard, listCard, summaryCards, summaryView } from '../../../src/features/summaries/cards';
import { checkPrivacy } from '../../../src/privacy/privacyGuard';
import { formFrom, hasFormFields, idFrom, numberFrom, parseDueDate, parseForm, parseNextMeeting, resolveOwner, type Member } from '../../../src/features/summaries/parse';
import { SummariesService } from '../../../src/features/summaries/service';
import { LIMITS, type SummaryRecord } from '../../../src/features/summaries/types';
import { hasMessage } from '../../../src/i18n';
import { cardProblems, texts } from '../polls/helpers';

const NOW = new Date('2026-11-23T10:00:00Z'); // Monday 23 November 2026

const MEMBERS: Member[] = [
  { id: 'p1', name: 'Carla Coördinator', email: 'carla@wijkbot.test' },
  { id: 'p2', name: 'Dirk Huisarts', email: 'dirk@wijkbot.test' },
  { id: 'p3', name: 'Dana Huisarts', email: 'dana@wijkbot.test' },
  { id: 'p4', name: 'Eva Öztürk', email: null },
];

describe('formFrom: card data is user input', () => {
  test('reads the four fields, treats non-strings as empty and normalises line ends', () => {
    const { form, problems } = formFrom({ summary: 'a\r\nb', decisions: 42, actions: ['x'], nextMeeting: '  wo 13 jan  ' });
    expect(form).toEqual({ summary: 'a\nb', decisions: '', actions: '', nextMeeting: 'wo 13 jan' });
    expect(problems).toEqual([]);
  });

  test('a field over its limit is cut to the limit and reported', () => {
    const { form, problems } = formFrom({ summary: 'x'.repeat(LIMITS.summaryChars + 10) });
    expect(form.summary).toHaveLength(LIMITS.summaryChars);
    expect(problems).toEqual([{ code: 'summaries.form.tooLong', params: { field: 'summary', max: LIMITS.summaryChars } }]);
  });

  test('hasFormFields tells the form card from a button without inputs', () => {
    expect(hasFormFields({ summaryId: 'x' })).toBe(false);
    expect(hasFormFields({ summaryId: 'x', summary: '' })).toBe(true);
  });

  test('ids from card data: short and plain only', () => {
    expect(idFrom({ summaryId: 'cmabc123' }, 'summaryId')).toBe('cmabc123');
    expect(idFrom({ summaryId: 'x'.repeat(61) }, 'summaryId')).toBeUndefined();
    expect(idFrom({ summaryId: '../etc' }, 'summaryId')).toBeUndefined();
    expect(idFrom({ summaryId: { $ne: 1 } }, 'summaryId')).toBeUndefined();
    expect(numberFrom({ id: 12 }, 'id')).toBe(12);
    expect(numberFrom({ id: '12' }, 'id')).toBe(12);
    expect(numberFrom({ id: '0' }, 'id')).toBeUndefined();
    expect(numberFrom({ id: '1e3' }, 'id')).toBeUndefined();
  });
});

describe('owners and dates of action items', () => {
  test.each([
    ['Dirk Huisarts', 'p2'],
    ['dirk', 'p2'],
    ['@Dirk Huisarts', 'p2'],
    ['DIRK@wijkbot.test', 'p2'],
    ['carla', 'p1'],
    ['c coordinator', 'p1'],
    ['Eva Ozturk', 'p4'],
    ['öztürk', 'p4'],
  ])('"%s" is %s', (who, id) => {
    const r = resolveOwner(who, MEMBERS);
    expect('member' in r && r.member.id).toBe(id);
  });

  test('an ambiguous or unknown owner is a problem, with the candidates', () => {
    expect(resolveOwner('huisarts', MEMBERS)).toEqual({ problem: 'ambiguous', names: ['Dirk Huisarts', 'Dana Huisarts'] });
    expect(resolveOwner('Piet', MEMBERS)).toEqual({ problem: 'unknown', names: [] });
    expect(resolveOwner('piet@elders.nl', MEMBERS)).toEqual({ problem: 'unknown', names: [] });
  });

  test('due dates are read in Dutch and checked', () => {
    expect(parseDueDate('vr 4 dec', NOW)).toMatchObject({ localDate: '2026-12-04' });
    expect(parseDueDate('18-12', NOW)).toMatchObject({ localDate: '2026-12-18' });
    expect(parseDueDate('vandaag', NOW)).toMatchObject({ localDate: '2026-11-23' });
    expect(parseDueDate('ma 4 dec', NOW)).toMatchObject({ code: 'summaries.date.weekdayMismatch' });
    expect(parseDueDate('1-3-2026', NOW)).toMatchObject({ code: 'summaries.date.past' });
    expect(parseDueDate('ooit', NOW)).toMatchObject({ code: 'summaries.date.unparseable' });
  });

  test('a due date or next meeting typed just after it passed is never silently a year later', () => {
    // NOW is Monday 23 November 2026: "20 nov" was last Friday
    expect(parseDueDate('20 nov', NOW)).toMatchObject({ code: 'summaries.date.yearMoved', params: { date: 'zaterdag 20 november 2027' } });
    expect(parseNextMeeting('20-11 19:00', NOW)).toMatchObject({ code: 'summaries.date.yearMoved' });
    expect(parseDueDate('vr 20 nov', NOW)).toMatchObject({ code: 'summaries.date.past' });
  });

  test('the next meeting takes a date with or without a time', () => {
    expect(parseNextMeeting('wo 13 jan 12:30', NOW)).toMatchObject({ localDate: '2027-01-13', startsAt: new Date('2027-01-13T11:30:00Z') });
    expect(parseNextMeeting('13 jan', NOW)).toMatchObject({ localDate: '2027-01-13', startsAt: null });
    expect(parseNextMeeting('wo 14 jan 12:30', NOW)).toMatchObject({ code: 'summaries.date.weekdayMismatch' });
    expect(parseNextMeeting('binnenkort', NOW)).toMatchObject({ code: 'summaries.next.unparseable' });
  });
});

describe('parseForm', () => {
  const form = {
    summary: 'Goede bijeenkomst.',
    decisions: '- Eerste afspraak\n\n2. Tweede afspraak\n',
    actions: '• Rondsturen | Dirk | vr 4 dec\nNavragen | Dana Huisarts | 18-12',
    nextMeeting: '',
  };

  test('bullets are layout; each line becomes a decision or an action', () => {
    const { parsed, problems } = parseForm(form, MEMBERS, NOW, { forPost: true });
    expect(problems).toEqual([]);
    expect(parsed.decisions).toEqual(['Eerste afspraak', 'Tweede afspraak']);
    expect(parsed.actions).toEqual([
      { what: 'Rondsturen', ownerId: 'p2', ownerName: 'Dirk Huisarts', dueDate: '2026-12-04' },
      { what: 'Navragen', ownerId: 'p3', ownerName: 'Dana Huisarts', dueDate: '2026-12-18' },
    ]);
    expect(parsed.nextMeeting).toBeNull();
  });

  test('every problem comes back at once, each with its line', () => {
    const { problems } = parseForm({ ...form, summary: ' ', actions: 'alleen tekst\nA | huisarts | morgen\nB | Dirk | 20-11-2026', nextMeeting: 'ooit' }, MEMBERS, NOW, { forPost: true });
    expect(problems.map((p) => [p.code, p.params?.line])).toEqual([
      ['summaries.form.summaryMissing', undefined],
      ['summaries.action.format', 1],
      ['summaries.action.ownerAmbiguous', 2],
      ['summaries.date.past', 3],
      ['summaries.next.unparseable', undefined],
    ]);
  });

  test('saving a draft does not need a summary yet', () => {
    expect(parseForm({ ...form, summary: '' }, MEMBERS, NOW, { forPost: false }).problems).toEqual([]);
  });

  test('too many or too long lines are problems', () => {
    const many = Array.from({ length: LIMITS.decisionLines + 1 }, (_, i) => `Afspraak ${i}`).join('\n');
    expect(parseForm({ ...form, decisions: many }, MEMBERS, NOW, { forPost: false }).problems.map((p) => p.code)).toEqual(['summaries.decisions.tooMany']);
    const long = parseForm({ ...form, decisions: 'x'.repeat(LIMITS.decisionChars + 1) }, MEMBERS, NOW, { forPost: false });
    expect(long.problems).toEqual([{ code: 'summaries.decisions.tooLong', params: { line: 1, max: LIMITS.decisionChars } }]);
  });
});

describe('reminder timing', () => {
  const service = new SummariesService({ db: null as never, clock: () => NOW, jobs: null as never, meetings: null, channelOfGroup: async () => null });

  test('two days before the due date at 09:00 Amsterdam, in winter and summer time', () => {
    expect(service.reminderTime('2026-12-04', NOW)?.toISOString()).toBe('2026-12-02T08:00:00.000Z');
    expect(service.reminderTime('2027-06-10', NOW)?.toISOString()).toBe('2027-06-08T07:00:00.000Z');
  });

  test('a short deadline is reminded at once while the due day lasts; a passed one not at all', () => {
    expect(service.reminderTime('2026-11-24', NOW)).toEqual(NOW);
    expect(service.reminderTime('2026-11-23', NOW)).toEqual(NOW);
    expect(service.reminderTime('2026-11-22', NOW)).toBeNull();
  });
});

describe('cards', () => {
  const record: SummaryRecord = {
    id: 'sum1', meetingId: 'm1', groupId: 'g1', groupName: 'Oost', meetingType: 'FTO',
    meetingStartsAt: new Date('2026-11-20T11:30:00Z'), meetingEndsAt: new Date('2026-11-20T13:00:00Z'),
    theme: 'Antistolling ${1+1}', attendance: [{ personId: 'p1', name: 'Carla Coördinator', role: 'coordinator' }],
    status: 'draft', form: { summary: 'Tekst [klik](https://evil.example)', decisions: 'Eén', actions: '', nextMeeting: '' },
    locale: 'nl', authorId: 'p1', authorName: 'Carla Coördinator', privacyOverride: false, conversationId: null, messageIds: [], postedAt: null, postedBy: null,
  };
  const parsed = { summary: record.form.summary, decisions: ['Eén'], actions: [{ what: 'Rondsturen', ownerId: 'p2', ownerName: 'Dirk Huisarts', dueDate: '2026-12-04' }], nextMeeting: { text: '13 jan', startsAt: null, localDate: '2027-01-13' } };

  test('the posted verslag is a valid card; user text stays inert (no template, no links)', () => {
    const [card, ...more] = summaryCards(summaryView(record, { parsed, agreements: [{ id: 12, text: 'Eén' }], actions: [{ id: 7, ...parsed.actions[0]! }] }, 'nl'), { footer: 'Geplaatst door Carla.', locale: 'nl' });
    expect(more).toEqual([]);
    expect(cardProblems(card)).toEqual([]);
    const text = texts(card);
    expect(text).toContain('Verslag FTO — Oost, vrijdag 20 november 2026');
    expect(text).toContain('**A12** Eén');
    expect(text).toContain('#7 Rondsturen — **Dirk Huisarts**, uiterlijk vr 4 dec');
    expect(text).toContain('woensdag 13 januari 2027');
    expect(text).toContain('Antistolling $\u200b{1+1}');
    expect(text).not.toContain('](https');
  });

  test('a verslag far beyond one message becomes numbered parts, each under 80 KB, and nothing is dropped', () => {
    const big = { ...parsed, summary: Array.from({ length: 3000 }, (_, i) => `Alinea ${i}: ${'ë'.repeat(60)}`).join('\n'), decisions: Array.from({ length: 100 }, (_, i) => `Besluit ${i} ${'x'.repeat(900)}`) };
    const cards = summaryCards(summaryView(record, { parsed: big }, 'nl'), { footer: 'voet', locale: 'nl' });
    expect(cards.length).toBeGreaterThan(3);
    for (const c of cards) {
      expect(Buffer.byteLength(JSON.stringify(c), 'utf8')).toBeLessThan(80_000);
      expect(cardProblems(c)).toEqual([]);
    }
    const all = cards.map(texts).join('\n');
    expect(all).toContain('Alinea 2999:');
    expect(all).toContain('Besluit 99 ');
    expect(texts(cards[0]!)).toContain(`(1/${cards.length})`);
  });

  test('the form card is valid, echoes what was typed and offers the override only with findings', () => {
    const clean = formCard({ record, form: record.form, problems: [], findings: [] }, 'nl');
    expect(cardProblems(clean)).toEqual([]);
    expect(JSON.stringify(clean)).not.toContain('summary.postOverride');
    const findings = checkPrivacy('dhr. Jansen', { referenceDate: NOW }).findings;
    const blocked = formCard({ record, form: { ...record.form, summary: 'dhr. Jansen' }, problems: [{ code: 'summaries.action.format', params: { line: 2 } }], findings, redacted: true }, 'nl');
    expect(cardProblems(blocked)).toEqual([]);
    expect(JSON.stringify(blocked)).toContain('summary.postOverride');
    expect(texts(blocked)).toContain('«dhr. Jansen» lijkt een patiëntnaam');
    expect(texts(blocked)).toContain('Regel 2: schrijf een actiepunt');
  });

  test('list cards (mijn acties, afspraken) are valid with and without buttons', () => {
    const card = listCard({ title: 'T', intro: 'i', notice: 'n', items: [{ text: 'a', button: { verb: 'summary.action.done', title: 'Klaar', id: 3 } }, { text: 'b' }], lines: ['c'] });
    expect(cardProblems(card)).toEqual([]);
    expect(cardProblems(listCard({ title: 'T', items: [] }))).toEqual([]);
  });

  test('every message code the feature uses exists in both languages', () => {
    for (const code of ['privacy.blocked', 'summaries.problem.line', 'summaries.date.past', 'summaries.action.ownerAmbiguous', 'summaries.agreements.due', 'summaries.reminder.intro']) {
      expect(hasMessage(code)).toBe(true);
    }
  });
});
