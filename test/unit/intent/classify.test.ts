/**
 * The intent classifier on its labelled sets (floors well under today's figures; the exact figures are in
 * `npm run bench`, part "intent"), on every lookup the e2e tests and the README use, and on the likely
 * slips of every command.
 */
import fs from 'node:fs';
import path from 'node:path';
import { classifyMessage } from '../../../src/intent/classify';
import { slipsAllowed } from '../../../src/intent/nearMiss';
import { BOT_COMMAND_NAMES, commandVocabulary, evaluateIntents, loadSet, testMapVocabulary } from '../../../scripts/intent-eval';

const commands = commandVocabulary();
const classify = (text: string) => classifyMessage(text, { commands, vocabulary: testMapVocabulary() });

describe('labelled sets', () => {
  const e = evaluateIntents();

  test('the sets together hold at least 150 texts, Dutch and English, every intent represented in both parts', () => {
    const tuning = loadSet('labelled-tuning.json');
    const holdout = loadSet('labelled-holdout.json');
    expect(tuning.length + holdout.length).toBeGreaterThanOrEqual(150);
    for (const set of [tuning, holdout]) expect(new Set(set.map((i) => i.intent)).size).toBe(Object.keys(e.tuning.perIntent).length);
    // no text is in both parts: the held-out figure is about texts the classifier was not tuned on
    const tuningTexts = new Set(tuning.map((i) => i.text.toLowerCase()));
    expect(holdout.filter((i) => tuningTexts.has(i.text.toLowerCase()))).toEqual([]);
  });

  test('tuning part: at least 95 % right, and no intent below 0.85 precision or recall', () => {
    expect(e.tuning.accuracy).toBeGreaterThanOrEqual(0.95);
    for (const [kind, s] of Object.entries(e.tuning.perIntent)) expect({ kind, p: s.precision >= 0.85, r: s.recall >= 0.85 }).toEqual({ kind, p: true, r: true });
  });

  test('held-out part (never tuned on): at least 90 % right, and no intent below 0.75 precision or recall', () => {
    expect(e.holdout.accuracy).toBeGreaterThanOrEqual(0.9);
    for (const [kind, s] of Object.entries(e.holdout.perIntent)) expect({ kind, p: s.precision >= 0.75, r: s.recall >= 0.75 }).toEqual({ kind, p: true, r: true });
  });
});

describe('the lookups that worked before keep working', () => {
  /** Every text the e2e tests look up in a personal chat, read from the test file itself. */
  const e2eLookups = [...fs.readFileSync(path.resolve(__dirname, '../../e2e/socialMap.test.ts'), 'utf8').matchAll(/\blookup\('([^']+)'/g)]
    .map((m) => m[1]!)
    .filter((text) => text !== 'help');
  /** The README's and the help text's lookup examples. */
  const documented = ['fysio bekkenbodem Oost zonder opnamestop', 'POH-GGZ Noord zonder opnamestop', 'fysio bekkenbodem Oost', 'dietist Zuidoost', 'POH GGZ Noord'];

  test.each([...new Set([...e2eLookups, ...documented])])('"%s" is a lookup', (text) => {
    expect(e2eLookups.length).toBeGreaterThanOrEqual(10);
    expect(classify(text)).toMatchObject({ kind: 'lookup', text });
  });

  test('every lookup of the labelled sets is read as one', () => {
    const lookups = [...loadSet('labelled-tuning.json'), ...loadSet('labelled-holdout.json')].filter((i) => i.intent === 'lookup');
    const missed = lookups.filter((i) => classify(i.text).kind !== 'lookup').map((i) => i.text);
    expect(missed).toEqual([]);
  });
});

describe('the issue\'s examples', () => {
  test.each([
    ['hallo', 'greeting'],
    ['dank je wel!', 'thanks'],
    ['what can you do?', 'help'],
    ['help me', 'help'],
    ['wat kun je?', 'help'],
    ['wie zitten er in de ROHA-raad?', 'other'],
  ])('"%s" → %s, no search', (text, kind) => {
    expect(classify(text).kind).toBe(kind);
  });

  test('how-to questions name the command they are about', () => {
    expect(classify('hoe werkt een peiling?')).toEqual({ kind: 'howTo', command: 'peiling' });
    expect(classify('hoe plan ik een FTO?')).toEqual({ kind: 'howTo', command: 'plan' });
    expect(classify('help peiling')).toEqual({ kind: 'howTo', command: 'peiling' });
  });

  test('a slip keeps its arguments exactly as typed', () => {
    expect(classify('agnda')).toEqual({ kind: 'nearMiss', command: 'agenda', typed: 'agnda', args: '' });
    expect(classify('verslg FTO-4GW')).toEqual({ kind: 'nearMiss', command: 'verslag', typed: 'verslg', args: 'FTO-4GW' });
    expect(classify('peilnig Gaan we over op Siilo? | Ja | Nee')).toMatchObject({ kind: 'nearMiss', command: 'peiling', args: 'Gaan we over op Siilo? | Ja | Nee' });
    expect(classify('sluit peilng 2')).toMatchObject({ kind: 'nearMiss', command: 'sluit peiling', args: '2' });
  });

  test('a command with a question mark or a greeting in front still runs', () => {
    expect(classify('wie ben ik?')).toEqual({ kind: 'command', text: 'wie ben ik' });
    expect(classify('hoi, agenda')).toEqual({ kind: 'command', text: 'agenda' });
    expect(classify('peiling Gaan we over? | Ja | Nee')).toEqual({ kind: 'command', text: 'peiling Gaan we over? | Ja | Nee' });
  });

  test('a lookup that reads like a sentence is marked so ("nothing found" then points to help)', () => {
    expect(classify('wie doet er wondzorg in Oost?')).toMatchObject({ kind: 'lookup', sentence: true });
    expect(classify('fysio bekkenbodem Oost')).toMatchObject({ kind: 'lookup', sentence: false });
  });
});

describe('every command\'s likely slips', () => {
  /** A dropped letter, a doubled letter and two neighbours swapped, at each place in the name. */
  function slipsOf(name: string): string[] {
    const out = new Set<string>();
    for (let i = 0; i < name.length; i++) {
      if (name[i] === ' ') continue;
      out.add(name.slice(0, i) + name.slice(i + 1));
      out.add(name.slice(0, i + 1) + name[i] + name.slice(i + 1));
      if (i + 1 < name.length && name[i + 1] !== ' ' && name[i] !== name[i + 1]) out.add(name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2));
    }
    return [...out];
  }
  const allNames = new Set(BOT_COMMAND_NAMES.flat().map((n) => n.normalize('NFD').replace(/[\u0300-\u036f]/g, '')));
  const cases = BOT_COMMAND_NAMES.flatMap((names) => names.filter((n) => slipsAllowed(n.length) > 0).map((name) => [name, names[0]!] as const));

  test.each(cases)('slips of "%s" are offered as %s, with the arguments', (name, command) => {
    const slips = slipsOf(name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).filter((s) => !allNames.has(s) && !s.startsWith(' ') && !s.endsWith(' ') && !s.includes('  '));
    const wrong = slips
      .map((slip) => ({ slip, got: classify(`${slip} FTO-4GW`) }))
      .filter(({ got }) => !(got.kind === 'nearMiss' && (got.command === command || isSibling(got.command, command)) && got.args === 'FTO-4GW') && !(command === 'zoek' && got.kind === 'lookup'));
    expect(wrong.map((w) => `${w.slip} → ${JSON.stringify(w.got)}`)).toEqual([]);
  });

  /** Names one slip apart from each other ("peiling"/"peilingen", "afspraak"/"afspraken"): either is a fair offer. */
  function isSibling(a: string, b: string): boolean {
    const pair = [a, b].sort().join('|');
    return ['peiling|peilingen', 'afspraak|afspraken', 'presentie|presentielijst', 'koppel|ontkoppel'].includes(pair);
  }
});

describe('what is not a slip', () => {
  test.each(['rol', 'fysio', 'dietist', 'oost', 'poh ggz', 'bekkenbodem', 'hospice', 'GGD'])('"%s" is not offered as a command', (text) => {
    expect(classify(text).kind).not.toBe('nearMiss');
  });
  test('a very long message is read by its start, quickly', () => {
    const started = Date.now();
    expect(classify(`fysio oost ${'bla '.repeat(20_000)}`).kind).not.toBe('nearMiss');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
