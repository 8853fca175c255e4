/**
 * Measures the privacy guard on the labelled sets and prints the figures the issue asks for:
 * precision, recall, F1 and confusion counts (a text is "positive" when the guard reports any finding),
 * the misclassified examples, per-kind recall, the alternative BSN policy, and time per 10 KB of text.
 *
 *   npx tsx scripts/privacy-eval.ts            # all figures
 *   npx tsx scripts/privacy-eval.ts --quiet    # figures without the list of misclassified examples
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkPrivacy, type Finding, type FindingKind, type PrivacyOptions } from '../src/privacy/privacyGuard';

interface LabelledItem {
  id: string;
  category: string;
  text: string;
  containsPatientData: boolean;
  kinds: FindingKind[];
  note?: string;
}

/** Fixed "now" so the old-date rule gives the same figures next year. */
export const EVAL_REFERENCE_DATE = new Date('2026-12-01T12:00:00Z');

const DIR = join(__dirname, '..', 'test', 'unit', 'privacy');
const SETS = [
  { name: 'dev (written before the guard; used for tuning)', file: 'privacy-labelled.json' },
  { name: 'holdout 1 (written after the guard was frozen; its first result was P 0.909 R 0.938, then used for tuning)', file: 'privacy-labelled-holdout.json' },
  { name: 'holdout 2 (written after the second freeze; never used for tuning)', file: 'privacy-labelled-holdout2.json' },
];

export function loadSet(file: string): LabelledItem[] {
  return (JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { items: LabelledItem[] }).items;
}

export interface Scores {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  errors: Array<{ item: LabelledItem; found: string[] }>;
  kindRecall: Map<FindingKind, { expected: number; found: number }>;
}

export function score(items: readonly LabelledItem[], options: PrivacyOptions = {}): Scores {
  let tp = 0, fp = 0, tn = 0, fn = 0;
  const errors: Scores['errors'] = [];
  const kindRecall = new Map<FindingKind, { expected: number; found: number }>();
  for (const item of items) {
    const { findings } = checkPrivacy(item.text, { referenceDate: EVAL_REFERENCE_DATE, ...options });
    const flagged = findings.length > 0;
    if (flagged && item.containsPatientData) tp++;
    else if (flagged) fp++;
    else if (item.containsPatientData) fn++;
    else tn++;
    if (flagged !== item.containsPatientData) {
      errors.push({ item, found: findings.map((f) => `${f.kind}:«${f.fragment}»`) });
    }
    for (const kind of item.kinds) {
      const k = kindRecall.get(kind) ?? { expected: 0, found: 0 };
      k.expected++;
      if (findings.some((f) => f.kind === kind)) k.found++;
      kindRecall.set(kind, k);
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, tn, fn, precision, recall, f1, errors, kindRecall };
}

/** A realistic FTO/PaTz/wijkoverleg verslag without patient data, cut to exactly `bytes` UTF-8 bytes. */
export function realisticSummary(bytes = 10 * 1024): string {
  const blocks = [
    'Verslag FTO wijkgroep Oost — dinsdag 8 december 2026, 12.30–14.00 uur\nLocatie: Gezondheidscentrum Oost, Lindeboomstraat 14 (zaal 2)\n',
    'Aanwezig: dhr. Bakker, mw. El Amrani, mw. dr. Visser, dhr. Smit (apotheker), mw. Jansen (POH-GGZ)\nAfgemeld: dhr. Pietersen, mw. van den Berg\nVoorzitter: mw. De Graaf; notulist: dhr. Yılmaz\n',
    '1. Opening en mededelingen\nDe voorzitter opent om 12.35 uur. Het jaarplan 2027 wordt op 15-12-2026 vastgesteld. Accreditatie: 2 pt. aangevraagd bij GAIA.\n',
    '2. Thema: antistolling bij ouderen\nApotheker mw. Öztürk presenteert de voorschrijfcijfers: 12% van de DOAC-gebruikers heeft geen recente nierfunctie (landelijk 9%). Bij een eGFR < 30 overleggen met de apotheker; metoprolol 50 mg 2dd blijft eerste keus (ATC C07AB02). Zie NHG-standaard M84 en de KNMP-richtlijn (herzien per 12-06-2025).\n',
    'Afspraak 1: bij start DOAC nierfunctie controleren en jaarlijks herhalen bij patiënten ouder dan 75 jaar.\nAfspraak 2: geen nieuwe starts van zolpidem bij 70-plussers; afbouwschema via de apotheek.\n',
    '3. Evaluatie afspraken 2025\n7 van de 9 afspraken nageleefd (78%); IVM-niveau 3, doel niveau 4 in 2027. De spiegelinformatie Q3 laat 212 antibioticavoorschriften per 1000 patiënten zien (regio 240).\n',
    '4. PaTz\nHet aantal patiënten in het palliatief zorgregister steeg van 42 naar 51; details staan in de PaTz Portal, niet in Teams. Consulent palliatieve zorg (mw. Hendriks) sluit voortaan 3x per jaar aan; bereikbaar op 06-87654321.\n',
    '5. Sociale kaart\nFysiotherapie De Brug (AGB 04012345) heeft een patiëntenstop tot 1 februari. Wachttijd GZ-psycholoog 14 weken, basis-GGZ 6 weken. Buurtteam Noord is bereikbaar op +31 6 1234 5678; HAP 020-5551234. KvK coöperatie 34123456.\n',
    'Acties\n- Actie: dhr. Bakker vraagt bij de apotheker na of de baxterlevering per 1 februari kan.\n- Actie mw. De Boer: de nieuwe SO-werkafspraken rondsturen voor 1 maart.\n- Iedereen: poll over de datum van de spiegelbijeenkomst (12-01-2027 of 19-01-2027) invullen voor vrijdag 12:00.\n',
    'Volgende vergadering: wo 14-1-2027, 12.30–14.00 uur, Huisartsenpraktijk De Linde, Spuistraat 210. Vergaderings-id: 345 678 912 345. Kosten scholing € 1.250,- per praktijk, IBAN NL91 ABNA 0417 1643 00.\n',
  ];
  let text = '';
  for (let round = 1; Buffer.byteLength(text, 'utf8') < bytes; round++) {
    for (const b of blocks) text += b.replace(/^(\d)\./m, `$1.${round}`);
  }
  const buf = Buffer.from(text, 'utf8').subarray(0, bytes);
  // Cutting at a byte count may split a multi-byte character; drop the broken tail.
  return buf.toString('utf8').replace(/\uFFFD$/, '');
}

export function medianMs(fn: () => void, repeats: number): number {
  for (let i = 0; i < 20; i++) fn(); // warm up the JIT and regex caches
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const pct = (x: number): string => x.toFixed(3);

function printScores(title: string, s: Scores, showErrors: boolean): void {
  console.log(`\n== ${title}`);
  console.log(`   items ${s.tp + s.fp + s.tn + s.fn}  (positives ${s.tp + s.fn}, negatives ${s.tn + s.fp})`);
  console.log(`   TP ${s.tp}  FP ${s.fp}  TN ${s.tn}  FN ${s.fn}`);
  console.log(`   precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`);
  const kinds = [...s.kindRecall.entries()].map(([k, v]) => `${k} ${v.found}/${v.expected}`).join(', ');
  console.log(`   per-kind recall (expected kind reported): ${kinds}`);
  if (showErrors && s.errors.length > 0) {
    console.log('   misclassified:');
    for (const { item, found } of s.errors) {
      const label = item.containsPatientData ? 'FN' : 'FP';
      console.log(`   - ${label} ${item.id} [${item.category}] ${JSON.stringify(item.text)}`);
      if (found.length > 0) console.log(`       found: ${found.join('; ')}`);
      if (item.note) console.log(`       note: ${item.note}`);
    }
  }
}

export interface PrivacyEvaluation {
  sets: Array<{ name: string; file: string; scores: Scores }>;
  all: Scores;
  /** the alternative policy: a BSN needs context (flagBsnWithoutContext=false), as Microsoft's detector */
  allContextRequired: Scores;
  speed: { bytes: number; findings: Finding[]; medianMsPer10KB: number; repeats: number };
}

/** Runs the guard on every labelled set and times it on a realistic 10 KB verslag (used by npm run bench). */
export function evaluatePrivacyGuard(repeats = 200): PrivacyEvaluation {
  const sets: PrivacyEvaluation['sets'] = [];
  const all: LabelledItem[] = [];
  for (const set of SETS) {
    if (!existsSync(join(DIR, set.file))) continue;
    const items = loadSet(set.file);
    all.push(...items);
    sets.push({ ...set, scores: score(items) });
  }
  const summary = realisticSummary();
  const findings = checkPrivacy(summary, { referenceDate: EVAL_REFERENCE_DATE }).findings;
  const ms = medianMs(() => checkPrivacy(summary, { referenceDate: EVAL_REFERENCE_DATE }), repeats);
  return {
    sets,
    all: score(all),
    allContextRequired: score(all, { flagBsnWithoutContext: false }),
    speed: { bytes: Buffer.byteLength(summary, 'utf8'), findings, medianMsPer10KB: ms, repeats },
  };
}

function main(): void {
  const quiet = process.argv.includes('--quiet');
  const e = evaluatePrivacyGuard();
  for (const set of e.sets) printScores(`${set.name}: ${set.file}`, set.scores, !quiet);
  printScores('all sets combined', e.all, false);
  printScores('all sets, alternative policy flagBsnWithoutContext=false (context required, as Microsoft)', e.allContextRequired, false);

  console.log(`\n== speed`);
  console.log(`   realistic verslag: ${e.speed.bytes} bytes, ${e.speed.findings.length} findings (expected 0)`);
  for (const f of e.speed.findings) console.log(`     ${f.kind}:«${f.fragment}»`);
  console.log(`   median time per 10 KB: ${e.speed.medianMsPer10KB.toFixed(3)} ms (${e.speed.repeats} repeats, node ${process.version})`);
}

if (require.main === module) main();
