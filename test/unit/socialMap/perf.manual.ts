/**
 * Informal performance check (not a jest test: timings on shared CI machines are noise).
 * Run: npx tsx test/unit/socialMap/perf.manual.ts [count]
 * Prints build time, p50/p99/max per query over a realistic query mix, upsert cost, suggest cost,
 * a minisearch comparison for the free-text part, and CSV export/import time.
 */
import MiniSearch from 'minisearch';
import { performance } from 'node:perf_hooks';
import { generatePartners } from '../../../src/features/socialMap/demoData';
import { parsePartnerCsv, toPartnerCsv } from '../../../src/features/socialMap/csvFormat';
import { parseLookupQuery } from '../../../src/features/socialMap/queryParser';
import { SocialMapIndex } from '../../../src/features/socialMap/searchIndex';

const COUNT = Number(process.argv[2] ?? 100_000);
const TODAY = '2026-11-23';
const QUERIES = [
  'fysio bekkenbodem Oost zonder opnamestop',
  'fysio', // very broad: ~30% of all partners
  'beschikbaar', // broadest: only the intake filter
  'fysio Oost',
  'fysiotherapuet in Zuidoost op dinsdag',
  'POH GGZ 1092',
  'POH-GGZ 1092 AB',
  'SO Oost-Watergraafsmeer',
  'wijkverpleging Bos en Lommer',
  'MW neemt nieuwe patiënten aan',
  'diëtist De Pijp diabetes',
  'logo kinderen Noord',
  'ergo dementie',
  'psych trauma Nieuw-West',
  'oedeem',
  'dementie Watergraafsmeer',
  'op dinsdag',
  'jansen',
  'fysio jansen',
  'bekkenfysio Zuidoost di',
  'casemanager dementie IJburg',
  'stadsdeel Oost logopedie op vrijdag',
  'apotheek 1102',
  'verloskundige zuid',
  'xyzzy onbekend',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function report(label: string, samples: number[]): void {
  const s = [...samples].sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} n=${String(s.length).padStart(5)}  p50=${percentile(s, 50).toFixed(3)} ms  p99=${percentile(s, 99).toFixed(3)} ms  max=${s[s.length - 1]!.toFixed(3)} ms`);
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

const [partners, genMs] = time(() => generatePartners(COUNT, 7));
console.log(`generate ${COUNT} partners: ${genMs.toFixed(0)} ms`);
const [index, buildMs] = time(() => new SocialMapIndex(partners));
console.log(`build index: ${buildMs.toFixed(0)} ms, heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);

const vocabulary = index.expertiseVocabulary();
const parsed = QUERIES.map((q) => parseLookupQuery(q, { expertiseVocabulary: vocabulary }));

// Warm up the JIT, then measure.
for (let i = 0; i < 200; i++) index.search(parsed[i % parsed.length]!, { today: TODAY, limit: 10 });
const searchMs: number[] = [];
const endToEndMs: number[] = [];
const perQuery = new Map<string, number[]>();
for (let round = 0; round < 40; round++) {
  QUERIES.forEach((text, i) => {
    const [, ms] = time(() => index.search(parsed[i]!, { today: TODAY, limit: 10 }));
    searchMs.push(ms);
    (perQuery.get(text) ?? perQuery.set(text, []).get(text)!).push(ms);
    const [, e2e] = time(() => index.search(parseLookupQuery(text, { expertiseVocabulary: vocabulary }), { today: TODAY, limit: 10 }));
    endToEndMs.push(e2e);
  });
}
report('search (parsed query)', searchMs);
report('parse + search', endToEndMs);
for (const [text, samples] of perQuery) {
  const r = index.search(parsed[QUERIES.indexOf(text)]!, { today: TODAY, limit: 10 });
  report(`  "${text.slice(0, 28)}" (${r.total})`, samples);
}
const deepMs: number[] = [];
for (let i = 0; i < 60; i++) {
  const [, ms] = time(() => index.search(parsed[1]!, { today: TODAY, offset: 1000, limit: 50 }));
  if (i >= 10) deepMs.push(ms);
}
report('deepest page (offset 1000) "fysio"', deepMs);

// Incremental upsert: a coordinator flips an intake stop.
const upsertMs: number[] = [];
for (let i = 0; i < 2000; i++) {
  const p = partners[(i * 7919) % partners.length]!;
  const [, ms] = time(() => index.upsert({ ...p, intakeStop: { active: !p.intakeStop.active, until: null, note: null } }));
  upsertMs.push(ms);
}
report('upsert one partner', upsertMs);

const suggestMs: number[] = [];
for (const prefix of ['f', 'fy', 'fys', 'fysio b', 'jan', 'bos en l', 'de v', 'oed', 'pa', 'zuid']) {
  for (let i = 0; i < 50; i++) suggestMs.push(time(() => index.suggest(prefix, 10))[1]);
}
report('suggest (compose box)', suggestMs);

// Minisearch for the free-text part only, for comparison with our prefix postings.
const [mini, miniBuildMs] = time(() => {
  const m = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], storeFields: [] });
  m.addAll(partners.map((p) => ({ id: p.id, text: `${p.name} ${p.organisation ?? ''} ${p.address ?? ''}` })));
  return m;
});
console.log(`minisearch build (free text only): ${miniBuildMs.toFixed(0)} ms`);
const miniMs: number[] = [];
const ourMs: number[] = [];
for (let round = 0; round < 40; round++) {
  for (const term of ['jansen', 'jan', 'de', 'fysio', 'dapper']) {
    miniMs.push(time(() => mini.search(term, { prefix: true })).at(1) as number);
    const q = parseLookupQuery(term);
    ourMs.push(time(() => index.search({ ...q, freeText: [term] }, { today: TODAY, limit: 10 }))[1]);
  }
}
report('minisearch prefix search', miniMs);
report('our index, same terms', ourMs);

const [csv, exportMs] = time(() => toPartnerCsv(partners));
console.log(`CSV export: ${exportMs.toFixed(0)} ms (${(csv.length / 1e6).toFixed(1)} MB)`);
const [imported, importMs] = time(() => parsePartnerCsv(csv));
console.log(`CSV import + validation: ${importMs.toFixed(0)} ms, ok=${imported.ok}${imported.ok ? '' : ` errors=${imported.errors.length} first=${JSON.stringify(imported.errors[0])}`}`);
