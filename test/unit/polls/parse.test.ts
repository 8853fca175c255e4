import { DomainError } from '../../../src/features/errors';
import { draftFormFrom, parseCreateCommand, pollIdFrom, pollIdFromText, settingsFromForm, splitOptions, voteFrom, type DraftForm } from '../../../src/features/polls/parse';

const now = new Date('2026-11-23T10:00:00Z');
const form = (over: Partial<DraftForm> = {}): DraftForm => ({
  question: 'Moet de ROHA-raad maandelijks vergaderen?', options: 'Ja\nNee', mode: 'single', secrecy: 'named', results: 'live',
  feedback: 'false', deadline: '', audience: 'raad', groups: '', target: 'here', privacyOk: 'false', ...over,
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as DomainError).code;
  }
  return 'no error';
};

describe('the peiling command', () => {
  test('question and options are split on |', () => {
    expect(parseCreateCommand('Moet de ROHA-raad maandelijks vergaderen? | Ja | Nee | Alleen digitaal')).toEqual({
      question: 'Moet de ROHA-raad maandelijks vergaderen?', options: ['Ja', 'Nee', 'Alleen digitaal'],
    });
  });
  test('a bare question becomes a yes/no draft', () => {
    expect(parseCreateCommand('Zullen we het proberen?').options).toEqual(['Ja', 'Nee']);
  });
  test('no question explains the usage', () => {
    expect(codeOf(() => parseCreateCommand('  | Ja | Nee'))).toBe('polls.create.usage');
  });
});

describe('the draft form', () => {
  test('a valid form gives settings; anonymous polls never show live results', () => {
    const { settings, problems } = settingsFromForm(form({ secrecy: 'anonymous', results: 'live', feedback: 'true', deadline: 'vr 27 nov 17:00' }), now);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ anonymous: true, resultsLive: false, feedback: true, options: ['Ja', 'Nee'] });
    expect(settings!.deadline!.toISOString()).toBe('2026-11-27T16:00:00.000Z');
  });
  test('every problem is reported at once', () => {
    const { settings, problems } = settingsFromForm(form({ question: '', options: 'Ja\nja', audience: 'groups', deadline: 'over een poosje' }), now);
    expect(settings).toBeNull();
    expect(problems.map((p) => p.code).sort()).toEqual(['polls.deadline.unparseable', 'polls.draft.noGroups', 'polls.draft.noQuestion', 'polls.draft.optionTwice'].sort());
  });
  test('between 2 and 10 options, one per line or separated by |', () => {
    expect(splitOptions('A | B | C')).toEqual(['A', 'B', 'C']);
    expect(splitOptions('A\n\n B \r\nC')).toEqual(['A', 'B', 'C']);
    const eleven = Array.from({ length: 11 }, (_, i) => `Optie ${i}`).join('\n');
    expect(settingsFromForm(form({ options: eleven }), now).problems[0]).toMatchObject({ code: 'polls.draft.optionCount', params: { count: 11 } });
  });
  test('a deadline in the past, too soon or absurdly far ahead is refused', () => {
    expect(settingsFromForm(form({ deadline: '20-11-2026 10:00' }), now).problems[0].code).toBe('polls.deadline.tooSoon');
    expect(settingsFromForm(form({ deadline: '2026-11-23T10:02:00Z' }), now).problems[0].code).toBe('polls.deadline.tooSoon');
    expect(settingsFromForm(form({ deadline: '2027-11-01T10:00:00Z' }), now).problems[0].code).toBe('polls.deadline.tooFar');
  });
  test('an empty deadline means the creator closes the poll', () => {
    expect(settingsFromForm(form({ deadline: '  ' }), now).settings!.deadline).toBeNull();
  });
  test('card values of other types and unknown keys are ignored, over-long ones cut', () => {
    const f = draftFormFrom({ question: 42, options: 'x'.repeat(10_000), mode: { evil: true }, __proto__: { admin: true } });
    expect(f.question).toBe('42');
    expect(f.options).toHaveLength(4_000);
    expect(f.mode).toBe('');
  });
});

describe('votes from a card', () => {
  test('a button sends one option, the choice list a comma list', () => {
    expect(voteFrom({ option: 2 }, 3, false)).toEqual({ choices: [2], feedback: null });
    expect(voteFrom({ choices: '2,0,2', feedback: '  ok ' }, 3, true)).toEqual({ choices: [0, 2], feedback: 'ok' });
  });
  test('options that do not exist, or two on a single-choice poll, are refused', () => {
    expect(codeOf(() => voteFrom({ option: 3 }, 3, false))).toBe('common.badCardData');
    expect(codeOf(() => voteFrom({ choices: '0,-1' }, 3, true))).toBe('common.badCardData');
    expect(codeOf(() => voteFrom({ choices: '0,1' }, 3, false))).toBe('polls.vote.oneChoice');
    expect(codeOf(() => voteFrom({ choices: '' }, 3, true))).toBe('polls.vote.noChoice');
    expect(codeOf(() => voteFrom({ option: 0, feedback: 'x'.repeat(501) }, 3, false))).toBe('polls.vote.feedbackTooLong');
  });
  test('poll ids must be positive integers', () => {
    expect(pollIdFrom({ pollId: 12 })).toBe(12);
    expect(pollIdFrom({ pollId: '12' })).toBe(12);
    for (const bad of [0, -1, 1.5, '12; DROP', null, undefined, '']) expect(codeOf(() => pollIdFrom({ pollId: bad }))).toBe('common.badCardData');
    expect(pollIdFromText('#12')).toBe(12);
    expect(pollIdFromText('twaalf')).toBeNull();
  });
});
