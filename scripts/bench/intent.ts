/**
 * Figures for the intent layer (src/intent): precision and recall per intent on the tuning part and the
 * held-out part of the labelled sets (see scripts/intent-eval.ts, which also lists the misreadings), how
 * many of today's lookups (the e2e tests', the README's and the labelled sets') still go to the social map,
 * and the time one classification takes.
 *
 *   npx tsx scripts/bench/intent.ts      (standalone)
 *   benchIntent()                        (from scripts/bench/index.ts)
 */
import fs from 'node:fs';
import path from 'node:path';
import { classifyMessage } from '../../src/intent/classify';
import { commandVocabulary, evaluateIntents, loadSet, testMapVocabulary, type IntentScores } from '../intent-eval';
import { line, round } from './stats';

function perIntent(s: IntentScores): string {
  return Object.entries(s.perIntent)
    .map(([k, v]) => `${k} P ${v.precision.toFixed(2)} R ${v.recall.toFixed(2)}`)
    .join(' · ');
}

/** The texts that are lookups today: the e2e lookups, the README's examples, the labelled sets' lookups. */
function todaysLookups(): string[] {
  const e2e = [...fs.readFileSync(path.resolve(__dirname, '../../test/e2e/socialMap.test.ts'), 'utf8').matchAll(/\blookup\('([^']+)'/g)].map((m) => m[1]!).filter((x) => x !== 'help');
  const readme = ['fysio bekkenbodem Oost zonder opnamestop', 'POH-GGZ Noord zonder opnamestop', 'POH GGZ Noord', 'dietist Zuidoost'];
  const labelled = [...loadSet('labelled-tuning.json'), ...loadSet('labelled-holdout.json')].filter((i) => i.intent === 'lookup').map((i) => i.text);
  return [...new Set([...e2e, ...readme, ...labelled])];
}

export async function benchIntent(): Promise<Record<string, unknown>> {
  const e = evaluateIntents();
  const commands = commandVocabulary();
  const vocabulary = testMapVocabulary();
  const lookups = todaysLookups();
  const stillLookups = lookups.filter((text) => classifyMessage(text, { commands, vocabulary }).kind === 'lookup');
  const all = [...loadSet('labelled-tuning.json'), ...loadSet('labelled-holdout.json')].map((i) => i.text);
  for (const text of all) classifyMessage(text, { commands, vocabulary }); // warm up
  const times: number[] = [];
  for (let round_ = 0; round_ < 5; round_++) {
    for (const text of all) {
      const t0 = process.hrtime.bigint();
      classifyMessage(text, { commands, vocabulary });
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  return {
    [`tuning part (${e.tuning.total} texts): accuracy`]: round(e.tuning.accuracy, 3),
    'tuning part, per intent': perIntent(e.tuning),
    [`held-out part (${e.holdout.total} texts, never tuned on): accuracy`]: round(e.holdout.accuracy, 3),
    'held-out part, per intent': perIntent(e.holdout),
    'held-out misreadings (see npx tsx scripts/intent-eval.ts --show-holdout)': e.holdout.wrong.length,
    "today's lookups still read as lookups (e2e, README, labelled)": `${stillLookups.length} / ${lookups.length}`,
    'classification time, median | p99 ms (3,000-partner map)': `${round(times[Math.floor(times.length / 2)]!, 3)} | ${round(times[Math.floor(times.length * 0.99)]!, 3)}`,
  };
}

if (require.main === module) {
  benchIntent().then(
    (figures) => {
      for (const [k, v] of Object.entries(figures)) line(k, v);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
