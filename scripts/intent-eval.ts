/**
 * Precision and recall of the intent classifier (src/intent) on the labelled sets in test/unit/intent/:
 * labelled-tuning.json (used while building it) and labelled-holdout.json (written first, never tuned on).
 * A prediction counts as right when the intent matches and, for a slip or a how-to question, the command
 * too. The social map it reads with is a fixed one: the e2e fixture partners, the demo showcase and 3,000
 * generated partners (names, organisations and streets enough to tempt a false "lookup").
 *
 *   npx tsx scripts/intent-eval.ts          prints the figures and every misclassified text
 */
import fs from 'node:fs';
import path from 'node:path';
import { classifyMessage } from '../src/intent/classify';
import { INTENT_KINDS, type CommandVocabulary, type Intent, type IntentKind, type LookupVocabulary } from '../src/intent/types';
import { parsePartnerCsv } from '../src/features/socialMap/csvFormat';
import { generatePartners, showcasePartners, DEMO_REFERENCE_DATE } from '../src/features/socialMap/demoData';
import { parseLookupQuery } from '../src/features/socialMap/queryParser';
import { SocialMapIndex } from '../src/features/socialMap/searchIndex';
import type { Partner } from '../src/features/socialMap/types';
import { lookupVocabularyOf } from '../src/features/socialMap/vocabulary';

const DIR = path.resolve(__dirname, '../test/unit/intent');

/**
 * Every command name the bot answers to, with its first name (as in src/teams/handlers/*.ts). An e2e test
 * (test/e2e/intent.test.ts) checks this list against the running bot's router, so it cannot drift.
 */
export const BOT_COMMAND_NAMES: readonly (readonly string[])[] = [
  ['help', 'hulp', '?'], ['wie ben ik', 'whoami', 'who am i'], ['wijkgroepen', 'groups'], ['rol weg', 'rol intrekken', 'revoke'],
  ['rol', 'grant'], ['koppel', 'link'], ['ontkoppel', 'unlink'],
  ['zoek', 'search'], ['opnamestop', 'patiëntenstop', 'intake stop'], ['wachttijd', 'waiting time'], ['gecontroleerd', 'checked'],
  ['peiling', 'poll'], ['peilingen', 'polls'], ['sluit peiling', 'close poll'], ['herinner peiling', 'remind poll'],
  ['plan', 'plannen'], ['agenda'], ['verzet', 'verplaats'], ['annuleer', 'afzeggen'], ['aanwezig', 'aanwezigheid'],
  ['presentielijst', 'attendance list'], ['presentie'], ['netwerkkaart', 'network map'],
  ['verslag', 'summary'], ['mijn acties', 'mijn actiepunten', 'my actions'], ['afspraken', 'agreements'], ['afspraak', 'agreement'],
];

export function commandVocabulary(names: readonly (readonly string[])[] = BOT_COMMAND_NAMES): CommandVocabulary {
  return { entries: names.flatMap((n) => n.map((name) => ({ name, command: n[0]! }))) };
}

/** The partners of test/e2e/socialMap.test.ts, as a coordinator's CSV. */
const FIXTURE_CSV = [
  'naam,organisatie,discipline,expertise,wijken,postcode,adres,plaats,werkdagen,opnamestop,opnamestop_tot,wachttijd_weken,telefoon,email,website,communicatie,agb,laatst_gecontroleerd',
  'Anna de Vries,Fysio Dapper,fysiotherapie,bekkenbodem;incontinentie,Oost,1093 AB,Dapperstraat 10,Amsterdam,ma;di;do,nee,,2,020-1234567,anna@fysiodapper.example,www.fysiodapper.example,ZorgDomein;telefoon,04000001,2026-11-01',
  'Sanne Bakker,Bekkencentrum Oost,bekkenfysiotherapie,,Oost,1094 CD,Javastraat 5,Amsterdam,ma;wo,ja,2027-01-31,8,020-7654321,info@bekkencentrum.example,,Siilo,04000002,2026-11-10',
  'Piet Jansen,Huisartsenpraktijk Noord,POH-GGZ,angst;depressie,Noord,1021 AA,Meeuwenlaan 1,Amsterdam,di;do,nee,,1,020-1111111,,,ZorgMail,94000003,2026-11-15',
  'Logopedie Watergraafsmeer,,logopedie,afasie;stotteren,Watergraafsmeer,1097 AA,Middenweg 50,Amsterdam,ma;di;wo;do;vr,nee,,3,020-2222222,logo@wgm.example,,telefoon,06000004,2026-10-20',
  'Diëtistenpraktijk Oost,,diëtetiek,diabetes,Oost,1093 BB,Linnaeusstraat 3,Amsterdam,wo,nee,,0,020-3333333,,,ZorgDomein,,2026-11-20',
  'Thuiszorg Oost,Stichting Amstelzorg,wijkverpleging,wondzorg;palliatief,Oost,1092 AA,Oosterparkstraat 1,Amsterdam,ma;di;wo;do;vr;za;zo,nee,,0,020-4444444,,,KIS;telefoon,,2026-05-01',
].join('\n');

let mapVocabulary: LookupVocabulary | undefined;

/** The social map the labelled sets are read against (built once per process). */
export function testMapVocabulary(): LookupVocabulary {
  if (mapVocabulary) return mapVocabulary;
  const parsed = parsePartnerCsv(FIXTURE_CSV);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const partners: Partner[] = [
    ...parsed.rows.map((row, i) => ({ ...row, id: `fixture-${i}` })),
    ...showcasePartners(DEMO_REFERENCE_DATE),
    ...generatePartners(3_000, 7),
  ];
  const index = new SocialMapIndex(partners);
  const expertiseVocabulary = index.expertiseVocabulary();
  mapVocabulary = lookupVocabularyOf({
    parse: (text) => parseLookupQuery(text, { expertiseVocabulary }),
    count: (q) => index.count(q, DEMO_REFERENCE_DATE),
  });
  return mapVocabulary;
}

export interface LabelledItem {
  text: string;
  intent: IntentKind;
  command?: string;
}

export function loadSet(file: string): LabelledItem[] {
  return (JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as { items: LabelledItem[] }).items;
}

export interface IntentScores {
  perIntent: Record<IntentKind, { precision: number; recall: number; tp: number; fp: number; fn: number }>;
  accuracy: number;
  total: number;
  wrong: { text: string; expected: string; got: string }[];
}

const describe = (kind: IntentKind, command?: string) => (command ? `${kind}:${command}` : kind);

function predictedCommand(i: Intent): string | undefined {
  return i.kind === 'nearMiss' || i.kind === 'howTo' ? i.command : undefined;
}

export function score(items: readonly LabelledItem[], classify: (text: string) => Intent): IntentScores {
  const counts = Object.fromEntries(INTENT_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<IntentKind, { tp: number; fp: number; fn: number }>;
  const wrong: IntentScores['wrong'] = [];
  let right = 0;
  for (const item of items) {
    const got = classify(item.text);
    const ok = got.kind === item.intent && (item.command === undefined || predictedCommand(got) === item.command);
    if (ok) {
      counts[item.intent].tp++;
      right++;
    } else {
      counts[item.intent].fn++;
      counts[got.kind].fp++;
      wrong.push({ text: item.text, expected: describe(item.intent, item.command), got: describe(got.kind, predictedCommand(got)) });
    }
  }
  const perIntent = {} as IntentScores['perIntent'];
  for (const k of INTENT_KINDS) {
    const c = counts[k];
    perIntent[k] = { ...c, precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1, recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1 };
  }
  return { perIntent, accuracy: right / items.length, total: items.length, wrong };
}

export function evaluateIntents(): { tuning: IntentScores; holdout: IntentScores } {
  const commands = commandVocabulary();
  const vocabulary = testMapVocabulary();
  const classify = (text: string) => classifyMessage(text, { commands, vocabulary });
  return { tuning: score(loadSet('labelled-tuning.json'), classify), holdout: score(loadSet('labelled-holdout.json'), classify) };
}

if (require.main === module) {
  const e = evaluateIntents();
  for (const [name, s] of Object.entries(e)) {
    console.log(`\n${name}: ${s.total} texts, accuracy ${(s.accuracy * 100).toFixed(1)} %`);
    for (const [k, v] of Object.entries(s.perIntent)) console.log(`  ${k.padEnd(10)} P ${v.precision.toFixed(2)}  R ${v.recall.toFixed(2)}  (tp ${v.tp}, fp ${v.fp}, fn ${v.fn})`);
    for (const w of name === "holdout" && !process.argv.includes("--show-holdout") ? [] : s.wrong) console.log(`  ✗ ${JSON.stringify(w.text)}: expected ${w.expected}, got ${w.got}`);
  }
}
