/**
 * Figures for meeting summaries: the privacy guard's precision and recall on the labelled sets of Dutch
 * meeting texts (test/unit/privacy/privacy-labelled*.json; see scripts/privacy-eval.ts for the
 * misclassified examples), and its time per 10 KB of a realistic verslag.
 *
 *   npx tsx scripts/bench/summaries.ts      (standalone)
 *   benchSummaries()                        (from scripts/bench/index.ts)
 */
import { evaluatePrivacyGuard, type Scores } from '../privacy-eval';
import { line, round } from './stats';

const fig = (s: Scores) => ({ precision: round(s.precision, 3), recall: round(s.recall, 3), f1: round(s.f1, 3), tp: s.tp, fp: s.fp, tn: s.tn, fn: s.fn });

export async function benchSummaries(): Promise<Record<string, unknown>> {
  const e = evaluatePrivacyGuard();
  const out: Record<string, unknown> = {};
  for (const set of e.sets) out[`guard on ${set.file} (${set.scores.tp + set.scores.fp + set.scores.tn + set.scores.fn} texts)`] = fig(set.scores);
  out['guard on all sets combined'] = fig(e.all);
  out['same, BSN only with context (Microsoft policy)'] = fig(e.allContextRequired);
  out['false positives / false negatives (all sets)'] = `${e.all.fp} / ${e.all.fn}`;
  out['guard time per 10 KB, median ms'] = round(e.speed.medianMsPer10KB, 3);
  out['findings in the realistic 10 KB verslag (expected 0)'] = e.speed.findings.length;
  return out;
}

if (require.main === module) {
  benchSummaries().then(
    (figures) => {
      for (const [k, v] of Object.entries(figures)) line(k, v);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
