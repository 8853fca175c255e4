import { markdownInert } from '../../../src/cards/markdown';
import { closedAnnouncement, draftCard, pollCard } from '../../../src/features/polls/cards';
import { actions, cardProblems, pollRecord, texts } from './helpers';
import type { PollSnapshot } from '../../../src/features/polls/types';

const snap = (over: Partial<PollSnapshot> & { poll?: ReturnType<typeof pollRecord> } = {}): PollSnapshot => ({
  poll: pollRecord(), counts: [6, 2, 1], voters: 9, comments: [], ...over,
});
const shared = (s = snap()) => pollCard(s, { locale: 'nl', audience: 'de ROHA-raad', refreshUserIds: ['29:a', '29:b'] });

describe('the poll card', () => {
  test('the validator catches a broken card (so a clean result below means something)', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Nonsense' }] }).length).toBeGreaterThan(0);
    expect(cardProblems({ type: 'AdaptiveCard', body: [] })).toContain('version is not 1.5');
  });

  test.each([
    ['open, named, single', snap()],
    ['open, named, multiple with feedback', snap({ poll: pollRecord({ multiple: true, feedback: true }) })],
    ['open, anonymous', snap({ poll: pollRecord({ anonymous: true, resultsLive: false, feedback: true }) })],
    ['open, ten options', snap({ poll: pollRecord({ options: Array.from({ length: 10 }, (_, i) => `Optie ${i + 1}`) }), counts: new Array(10).fill(1), voters: 10 })],
    ['closed with feedback', snap({ poll: pollRecord({ status: 'closed', closedAt: new Date('2026-11-27T16:00:00Z'), closedBy: 'deadline', result: { counts: [6, 2, 1], voters: 9, eligible: 13 } }), comments: [{ author: 'Rik', text: 'Graag' }] })],
  ])('%s renders a valid 1.5 card where every Action.Execute has a verb', (_label, s) => {
    expect(cardProblems(shared(s))).toEqual([]);
  });

  test('the shared card shows turnout and results but nothing about one voter, and asks clients for their own view', () => {
    const card = shared();
    const text = texts(card);
    expect(text).toContain('9 van 13 stemden (69%)');
    expect(text).toContain('6 stemmen · 67%');
    expect(text).not.toMatch(/Jij stemde|nog niet gestemd/);
    expect(actions(card).map((a) => a.verb)).not.toContain('poll.withdraw');
    expect(card.refresh).toEqual({ action: { type: 'Action.Execute', verb: 'poll.view', title: 'Vernieuwen', data: { pollId: 7 } }, userIds: ['29:a', '29:b'] });
  });

  test('a voter’s own view shows their choice, marks the button and offers withdraw', () => {
    const card = pollCard(snap(), { locale: 'nl', audience: 'x', refreshUserIds: [], personal: { mine: { kind: 'named', choices: [1], comment: null }, eligible: true, canManage: false } });
    expect(texts(card)).toContain('Jij stemde: Nee');
    const buttons = actions(card).filter((a) => a.verb === 'poll.vote');
    expect(buttons.map((b) => [b.title, b.style, b.data])).toEqual([
      ['Ja', 'default', { pollId: 7, option: 0 }],
      ['Nee', 'positive', { pollId: 7, option: 1 }],
      ['Alleen digitaal', 'default', { pollId: 7, option: 2 }],
    ]);
    expect(actions(card).map((a) => a.verb)).toContain('poll.withdraw');
    expect(actions(card).map((a) => a.verb)).not.toContain('poll.close');
  });

  test('the creator’s view has close, remind and export', () => {
    const card = pollCard(snap(), { locale: 'nl', audience: 'x', refreshUserIds: [], personal: { mine: { kind: 'none' }, eligible: false, canManage: true } });
    expect(actions(card).map((a) => a.verb)).toEqual(expect.arrayContaining(['poll.close', 'poll.remind', 'poll.export']));
    expect(texts(card)).toContain('Je staat niet op de lijst van stemgerechtigden');
    expect(actions(card).filter((a) => a.verb === 'poll.vote')).toHaveLength(0);
  });

  test('anonymous polls: no results while open, the anonymity explained, a voter who voted gets no vote buttons', () => {
    const s = snap({ poll: pollRecord({ anonymous: true, resultsLive: false }) });
    const text = texts(shared(s));
    expect(text).not.toMatch(/stemmen · \d+%/);
    expect(text).toContain('nooit wát');
    expect(text).toContain('definitief');
    const mine = pollCard(s, { locale: 'nl', audience: 'x', refreshUserIds: [], personal: { mine: { kind: 'anonymous' }, eligible: true, canManage: false } });
    expect(actions(mine).filter((a) => a.verb === 'poll.vote' || a.verb === 'poll.withdraw')).toHaveLength(0);
    expect(texts(mine)).toContain('Wat je koos, is nergens opgeslagen');
  });

  test('result bars: a coloured column as wide as each option’s share, the winner highlighted when closed', () => {
    const s = snap({ poll: pollRecord({ status: 'closed', closedAt: new Date(), result: { counts: [6, 2, 1], voters: 9, eligible: 13 } }) });
    const card = shared(s);
    const json = JSON.stringify(card);
    expect(json).toContain('"width":67,"style":"good"');
    expect(json).toContain('"width":22,"style":"accent"');
    expect(card.refresh).toBeUndefined();
  });

  test('user text can never become a template expression or a disguised link', () => {
    const s = snap({ poll: pollRecord({ question: 'Wat vindt u van ${poll.creatorId}?', options: ['${$root}', '[klik](https://evil)'] }) });
    const card = shared(s);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('${');
    expect(markdownInert('[klik](https://evil)')).not.toContain('](');
  });

  test('English users get English labels', () => {
    const card = pollCard(snap(), { locale: 'en', audience: 'the council', refreshUserIds: [], personal: { mine: { kind: 'none' }, eligible: true, canManage: false } });
    expect(texts(card)).toContain('9 of 13 voted');
    expect(texts(card)).toContain('You have not voted yet');
  });

  test('the close announcement names the winner', () => {
    const s = snap({ poll: pollRecord({ status: 'closed', result: { counts: [6, 2, 1], voters: 9, eligible: 13 } }) });
    expect(texts(closedAnnouncement(s, 'nl'))).toContain('Meeste stemmen: Ja');
  });
});

describe('the draft card', () => {
  const groups = [{ id: 'g1', name: 'Oost', hasChannel: true }, { id: 'g2', name: 'Noord', hasChannel: false }];

  test('is valid and offers every setting the issue asks for', () => {
    const card = draftCard({ poll: pollRecord({ status: 'draft' }), problems: [], privacyFindings: false, groups }, 'nl');
    expect(cardProblems(card)).toEqual([]);
    const ids: string[] = [];
    JSON.stringify(card, (k, v) => (k === 'id' && typeof v === 'string' ? (ids.push(v), v) : v));
    expect(ids).toEqual(expect.arrayContaining(['question', 'options', 'mode', 'secrecy', 'results', 'feedback', 'deadline', 'audience', 'groups', 'target']));
    expect(actions(card).map((a) => a.verb)).toEqual(['poll.publish', 'poll.draft.update', 'poll.draft.discard']);
    expect(JSON.stringify(card)).toContain('"value":"group:g1"');
    expect(JSON.stringify(card)).not.toContain('"value":"group:g2"'); // no channel to post in
  });

  test('problems are listed and the privacy confirmation appears only when the guard found something', () => {
    const card = draftCard({ poll: pollRecord({ status: 'draft' }), problems: [{ code: 'polls.draft.noQuestion' }], privacyFindings: true, groups: [] }, 'nl');
    expect(texts(card)).toContain('Vul een vraag in');
    expect(JSON.stringify(card)).toContain('"id":"privacyOk"');
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('problem texts', () => {
  test('a weekday that does not match the date gets the date parser’s precise reason', async () => {
    const { problemText } = await import('../../../src/features/polls/cards');
    const { parseDeadline } = await import('../../../src/features/polls/deadline');
    const r = parseDeadline('ma 27 nov 17:00', new Date('2026-11-23T10:00:00Z'));
    if (r.ok) throw new Error('expected a doubt');
    const text = problemText('nl', r);
    expect(text).toContain('niet eenduidig');
    // the meetings catalogue may not be registered yet; when it is, its reason follows
    expect(text.length).toBeGreaterThan(10);
  });
});
