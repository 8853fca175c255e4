/**
 * Social map figures: top-1 / top-3 on the labelled query sets (tuning and held out), then, over a
 * generated map of 100,000 partners (BENCH_PARTNERS):
 * - memory: heap of the partner objects and, on top, of the SocialMapIndex (after a full GC);
 * - import throughput of a 100,000-row CSV through the code path of `npm run kaart -- import`
 *   (SocialMapService.importCsv: validate all, one transaction, createMany in chunks), and the time to
 *   load the table into the in-memory index (what `start()` does);
 * - lookup latency in-process (parse + search; and parse + search + card render) over a mix of queries;
 * - lookup latency through the real HTTP path (POST /api/messages, reply to the connector stub) next to
 *   the echo floor and the card floor (the echo bot answering with the same results card, built beforehand)
 *   measured the same way in the same run (target ≤ 1.5× the card floor), and over the card floor on
 *   Wijkbot's own adapter (its clients kept: Wijkbot's own cost alone); the query mix repeats, so most
 *   of those turns are answered from the kept results cards: the same turns with the cards and readings
 *   dropped first are measured too (httpLookupTurnNotKept, a question not asked before), and once more on
 *   a map of a big city's size (httpLookupTurnNotKeptAtCitySize, 5,000 partners);
 * - message-extension (zoekPartner) query latency through HTTP (invoke body).
 *   npx tsx scripts/bench/socialMap.ts            (standalone)
 *   benchSocialMap()                              (from scripts/bench/index.ts)
 * Knobs: BENCH_PARTNERS (100000), BENCH_CITY_PARTNERS (5000), BENCH_SOCIALMAP_TURNS (500), BENCH_SOCIALMAP_ROUNDS (30).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { composeQuery, personalMessage } from '../../test/support/activities';
import { startTestBot } from '../../test/support/harness';
import { importRoster, USERS } from '../../test/support/roster';
import { evaluate, loadQuerySet, QUERY_SETS } from '../../test/support/socialMapEval';
import { resultsCard } from '../../src/features/socialMap/cards';
import { generatePartners } from '../../src/features/socialMap/demoData';
import { toPartnerCsv } from '../../src/features/socialMap/csvFormat';
import { SocialMapIndex } from '../../src/features/socialMap/searchIndex';
import { SocialMapService } from '../../src/features/socialMap/service';
import type { SocialMapModule } from '../../src/teams/handlers/socialMap';
import { startEchoBot } from './echoBot';
import { postJson, timedPost, timedPostWithAnswer } from './load';
import { profiled } from './profile';
import { line, mb, round, summarize, timed } from './stats';

const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 100_000);
const TURNS = Number(process.env.BENCH_SOCIALMAP_TURNS ?? 500);
const ROUNDS = Number(process.env.BENCH_SOCIALMAP_ROUNDS ?? 30);
const WARMUP = 50;
const TODAY = '2026-11-23';
/** A big city's sociale kaart, for the not-kept lookup turn at a real size (BENCH_CITY_PARTNERS). */
const CITY_PARTNERS = Number(process.env.BENCH_CITY_PARTNERS ?? 5_000);

/** What GPs type: broad and narrow, typos, abbreviations, names, postcodes, weekdays, no-hit queries. */
export const BENCH_QUERIES = [
  'fysio bekkenbodem oost', 'POH GGZ noord', 'dietist diabetes zuidoost', 'logopedie afasie', 'wijkverpleging wondzorg nieuw-west',
  'fysio', 'psycholoog emdr west zonder opnamestop', 'podotherapie ijburg zaterdag', 'jansen', 'de vries fysio',
  'casemanagement dementie', 'apotheek 1092', 'oefentherapie rug 1017 dinsdag', 'maatschappelijk werk schulden bos en lommer', 'praktijk',
  'kinderfysio motoriek', 'ergotherapie cva', 'verloskunde zuid', 'gz psycholoog trauma', 'hospice', 'fysiotherapeut nek watergraafsmer',
  'SO ouderen', 'MW eenzaamheid oost', 'logo stotteren kinderen', 'fysio 1093 AB', 'dietist zonder opnamestop', 'buurtteam noord',
  'zorgcentrum slotervaart', 'ergo hulpmiddelen buitenveldert', 'zoekterm zonder treffers xyz',
];

function gcFn(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

export async function benchSocialMap(): Promise<Record<string, unknown>> {
  const gc = gcFn();
  const figures: Record<string, unknown> = { partners: PARTNERS };

  // ---- accuracy on the labelled query sets, through the bot's own lookup path (lookup.ts) -------------
  // Only the figures: misses of the held-out set are never printed, so they cannot steer tuning.
  for (const name of QUERY_SETS) {
    const { set, partners: map } = loadQuerySet(name);
    const a = evaluate(set, map);
    figures[`labelled ${name}${a.heldOut ? ' (held out)' : ''}`] = { queries: a.queries, partners: map.length, top1: round(a.top1, 3), top3: round(a.top3, 3) };
  }

  // ---- memory: partner objects, then the index on top -------------------------------------------------
  gc();
  const h0 = process.memoryUsage().heapUsed;
  let partners: ReturnType<typeof generatePartners> | null = generatePartners(PARTNERS, 7, { today: TODAY });
  gc();
  const h1 = process.memoryUsage().heapUsed;
  const [buildMs, probe] = await timed(async () => new SocialMapIndex(partners!));
  gc();
  const h2 = process.memoryUsage().heapUsed;
  // The index keeps its own compact copy of every partner (docStore.ts): indexMb is what a running bot
  // holds for the map; the Partner objects are dropped after loading.
  figures.memory = {
    partnerObjectsMb: mb(h1 - h0), indexMb: mb(h2 - h1), indexBytesPerPartner: Math.round((h2 - h1) / PARTNERS),
    target: 'index ≤ 1,500 bytes per partner', indexBuildMs: round(buildMs, 0),
  };
  void probe;
  const csv = toPartnerCsv(partners);
  partners = null;
  gc();

  const t = await startTestBot({ clock: () => new Date(`${TODAY}T11:00:00Z`) });
  const echo = await startEchoBot();
  let floors: CardFloors | undefined;
  try {
    await importRoster(t.bot);

    // ---- import: the CLI's code path (a service that has not loaded the index) ------------------------
    const cli = new SocialMapService({ db: t.bot.services.db, clock: () => new Date(`${TODAY}T11:00:00Z`) });
    const [dryMs, dry] = await timed(() => cli.importCsv(csv, { dryRun: true, actorLabel: 'bench' }));
    const [importMs, imported] = await timed(() => cli.importCsv(csv, { dryRun: false, actorLabel: 'bench' }));
    if (!imported.ok || !dry.ok) throw new Error('bench CSV did not import');
    const [reimportMs, again] = await timed(() => cli.importCsv(csv, { dryRun: false, actorLabel: 'bench' }));
    if (!again.ok || again.unchanged !== PARTNERS) throw new Error('re-import was not a no-op');
    figures.import = {
      rows: imported.rows,
      csvMb: mb(Buffer.byteLength(csv)),
      validateOnlyMs: round(dryMs, 0),
      importMs: round(importMs, 0),
      rowsPerSecond: Math.round(imported.rows / (importMs / 1000)),
      reimportUnchangedMs: round(reimportMs, 0),
      target: '< 60 s',
    };

    // ---- load into the bot's index, as start() does (in the background above 5,000 partners) ---------------
    const module = t.bot.modules.find((m) => m.name === 'socialMap') as SocialMapModule;
    const rssBefore = process.memoryUsage().rss;
    const [loadMs, loaded] = await timed(() => module.service.load());
    gc();
    figures.startLoad = { partners: loaded, loadMs: round(loadMs, 0), rssGrowthMb: mb(process.memoryUsage().rss - rssBefore) };

    // ---- in-process lookups --------------------------------------------------------------------------------
    const service = module.service;
    const bare: number[] = [];
    const withCard: number[] = [];
    const view = { locale: 'nl' as const, now: new Date(`${TODAY}T11:00:00Z`), today: TODAY };
    for (let r = 0; r < 3; r++) for (const q of BENCH_QUERIES) service.lookup(q, { limit: 5 }); // warm-up
    for (let r = 0; r < ROUNDS; r++) {
      for (const q of BENCH_QUERIES) {
        const [ms] = await timed(async () => service.lookup(q, { limit: 5 }));
        bare.push(ms);
        const [ms2] = await timed(async () => resultsCard(service.lookup(q, { limit: 5 }), { q }, view));
        withCard.push(ms2);
      }
    }
    const perQuery = BENCH_QUERIES.map((q) => ({ q, total: service.lookup(q, { limit: 5 }).result.total }));
    figures.lookupInProcess = { ...summarize(bare), target: 'p99 ≤ 10 ms' };
    figures.lookupInProcessWithCard = summarize(withCard);
    figures.resultCardBytes = Math.max(...BENCH_QUERIES.map((q) => JSON.stringify(resultsCard(service.lookup(q, { limit: 5 }), { q }, view)).length));
    // the card floor answers each query with the card Wijkbot sends for it, built here once (same size, same shape)
    const floorCards = new Map(BENCH_QUERIES.map((q) => [q, resultsCard(service.lookup(q, { limit: 5 }), { q }, view)]));
    floors = await startCardFloors(floorCards);
    figures.queryMix = { queries: perQuery.length, withHits: perQuery.filter((x) => x.total > 0).length, broadest: Math.max(...perQuery.map((x) => x.total)) };

    // ---- through HTTP, next to the echo floor (interleaved in blocks so noise hits both) ------------------
    const echoSamples: number[] = [];
    const cardFloorSamples: number[] = [];
    const sameAdapterFloorSamples: number[] = [];
    const lookupSamples: number[] = [];
    const coldSamples: number[] = [];
    const foundationSamples: number[] = [];
    const meSamples: number[] = [];
    let n = 0;
    const msg = (i: number) => personalMessage(t.stub.url, USERS.gpOost, BENCH_QUERIES[i % BENCH_QUERIES.length]!, { id: `bench-sm-${++n}` });
    const me = (i: number) => composeQuery(t.stub.url, USERS.gpOost, 'zoekPartner', BENCH_QUERIES[i % BENCH_QUERIES.length]!, { count: 10 });
    for (let i = 0; i < WARMUP; i++) {
      await postJson(echo.url, msg(i));
      await postJson(floors.stock.url, msg(i));
      await postJson(floors.wijkbot.url, msg(i));
      await postJson(t.bot.url, msg(i));
      await postJson(t.bot.url, me(i));
    }
    const BLOCK = 50;
    for (let done = 0; done < TURNS; done += BLOCK) {
      for (let i = done; i < done + BLOCK; i++) echoSamples.push(await timedPost(echo.url, msg(i)));
      for (let i = done; i < done + BLOCK; i++) cardFloorSamples.push(await timedPost(floors!.stock.url, msg(i)));
      for (let i = done; i < done + BLOCK; i++) sameAdapterFloorSamples.push(await timedPost(floors!.wijkbot.url, msg(i)));
      // the same turns with the kept results cards and readings dropped first: what a question not asked before costs
      for (let i = done; i < done + BLOCK; i++) coldSamples.push(await notKeptTurn(t.bot.url, module, msg(i)));
      // the mix asked once more, unmeasured, so the measured turns meet the cards a running bot would keep
      for (let i = 0; i < BENCH_QUERIES.length; i++) await postJson(t.bot.url, msg(i));
      for (let i = done; i < done + BLOCK; i++) {
        const [ms, res] = await timedPostWithAnswer(t.bot.url, msg(i));
        if (res.status !== 200) throw new Error(`lookup turn answered ${res.status}`);
        lookupSamples.push(ms);
      }
      // the foundation's own cheapest turn (dedupe write, actor, one text reply): what any Wijkbot turn costs
      for (let i = done; i < done + BLOCK; i++) foundationSamples.push(await timedPost(t.bot.url, personalMessage(t.stub.url, USERS.gpOost, 'wie ben ik', { id: `bench-sm-${++n}` })));
      for (let i = done; i < done + BLOCK; i++) {
        const [ms, res] = await timedPostWithAnswer(t.bot.url, me(i));
        if (res.status !== 200 || !res.body?.composeExtension) throw new Error(`message extension answered ${res.status}`);
        meSamples.push(ms);
      }
      t.stub.clear();
    }
    // BENCH_CPU_PROF=<dir>: profiles of the card floor, kept lookups and lookups not kept, the same turns each, to set side by side
    if (process.env.BENCH_CPU_PROF) {
      await profiled('lookup-card-floor', async () => { for (let i = 0; i < TURNS; i++) await postJson(floors!.stock.url, msg(i)); });
      await profiled('lookup-kept', async () => { for (let i = 0; i < TURNS; i++) await postJson(t.bot.url, msg(i)); });
      await profiled('lookup-not-kept', async () => { for (let i = 0; i < TURNS; i++) { module.forgetAnswers(); await postJson(t.bot.url, msg(i)); } });
      t.stub.clear();
    }
    const e = summarize(echoSamples);
    const l = summarize(lookupSamples);
    figures.httpEchoFloor = e;
    figures.httpLookupTurn = l;
    const f = summarize(foundationSamples);
    const c = summarize(cardFloorSamples);
    figures.httpCardFloor = { ...c, note: 'echo bot answering with the same results card, built beforehand' };
    figures.httpLookupRatio = { median: round(l.median / e.median), p95: round(l.p95 / e.p95), note: 'over the text echo floor' };
    figures.httpLookupOverCardFloor = { median: round(l.median / c.median), p95: round(l.p95 / c.p95), target: '≤ 1.5× the card floor' };
    const cold = summarize(coldSamples);
    figures.httpLookupTurnNotKept = { ...cold, overCardFloorMedian: round(cold.median / c.median), overCardFloorP95: round(cold.p95 / c.p95), note: 'kept results cards and readings dropped before each turn: a question not asked before' };
    const same = summarize(sameAdapterFloorSamples);
    figures.overCardFloorOnWijkbotAdapter = { cardFloorMedian: same.median, keptMedian: round(l.median / same.median), notKeptMedian: round(cold.median / same.median), note: "the card floor on Wijkbot's adapter (clients kept): Wijkbot's own cost alone" };
    figures.answerCache = { ...module.answers.counts };
    figures.httpFoundationTurn = { ...f, ratioMedian: round(f.median / e.median), note: "'wie ben ik': the floor of any Wijkbot turn" };
    figures.lookupOverFoundation = { median: round(l.median / f.median), p95: round(l.p95 / f.p95) };
    figures.messageExtensionQuery = { ...summarize(meSamples), budget: 'Teams waits 5,000 ms' };
    figures.rssMb = mb(process.memoryUsage().rss);
  } finally {
    await echo.stop();
    await floors?.stop();
    await t.stop();
  }
  figures.httpLookupTurnNotKeptAtCitySize = await notKeptAt(CITY_PARTNERS);
  return figures;
}

type EchoBot = Awaited<ReturnType<typeof startEchoBot>>;
interface CardFloors {
  /** the echo bot on botbuilder's adapter as it ships, answering with the card: the floor */
  stock: EchoBot;
  /** the same on Wijkbot's adapter (clients kept): a lookup over it is Wijkbot's own cost alone */
  wijkbot: EchoBot;
  stop(): Promise<void>;
}

/** Both card floors, each answering a query with the card Wijkbot sends for it (built beforehand). */
async function startCardFloors(cards: Map<string, Record<string, unknown>>): Promise<CardFloors> {
  const stock = await startEchoBot({ cardFor: (text) => cards.get(text) });
  const wijkbot = await startEchoBot({ cardFor: (text) => cards.get(text), wijkbotAdapter: true });
  return { stock, wijkbot, stop: async () => { await stock.stop(); await wijkbot.stop(); } };
}

/** One lookup turn with the kept results cards and readings dropped first (a question not asked before): its time in ms. */
async function notKeptTurn(url: string, module: SocialMapModule, activity: Record<string, unknown>): Promise<number> {
  module.forgetAnswers();
  const [ms, res] = await timedPostWithAnswer(url, activity);
  if (res.status !== 200) throw new Error(`lookup turn answered ${res.status}`);
  return ms;
}

/**
 * The question not asked before again, on a map the size of a big city's sociale kaart (ROHA's is a few
 * thousand partners) instead of 100,000: the same query mix, the same card floor, a bot of its own.
 */
async function notKeptAt(size: number): Promise<Record<string, unknown>> {
  const t = await startTestBot({ clock: () => new Date(`${TODAY}T11:00:00Z`) });
  let floors: CardFloors | undefined;
  try {
    await importRoster(t.bot);
    const module = t.bot.modules.find((m) => m.name === 'socialMap') as SocialMapModule;
    const imported = await module.service.importCsv(toPartnerCsv(generatePartners(size, 7, { today: TODAY })), { dryRun: false, actorLabel: 'bench' });
    if (!imported.ok) throw new Error('bench CSV did not import');
    await module.service.load();
    const view = { locale: 'nl' as const, now: new Date(`${TODAY}T11:00:00Z`), today: TODAY };
    const floorCards = new Map(BENCH_QUERIES.map((q) => [q, resultsCard(module.service.lookup(q, { limit: 5 }), { q }, view)]));
    floors = await startCardFloors(floorCards);
    let n = 0;
    const msg = (i: number) => personalMessage(t.stub.url, USERS.gpOost, BENCH_QUERIES[i % BENCH_QUERIES.length]!, { id: `bench-city-${++n}` });
    for (let i = 0; i < WARMUP; i++) {
      await postJson(floors.stock.url, msg(i));
      await postJson(floors.wijkbot.url, msg(i));
      module.forgetAnswers();
      await postJson(t.bot.url, msg(i));
    }
    const floor: number[] = [];
    const sameAdapterFloor: number[] = [];
    const cold: number[] = [];
    const BLOCK = 50;
    for (let done = 0; done < TURNS; done += BLOCK) {
      for (let i = done; i < done + BLOCK; i++) floor.push(await timedPost(floors!.stock.url, msg(i)));
      for (let i = done; i < done + BLOCK; i++) sameAdapterFloor.push(await timedPost(floors!.wijkbot.url, msg(i)));
      for (let i = done; i < done + BLOCK; i++) cold.push(await notKeptTurn(t.bot.url, module, msg(i)));
      t.stub.clear();
    }
    const c = summarize(floor);
    const l = summarize(cold);
    const same = summarize(sameAdapterFloor);
    return {
      partners: size, median: l.median, p95: l.p95, cardFloorMedian: c.median, overCardFloorMedian: round(l.median / c.median), overCardFloorP95: round(l.p95 / c.p95),
      overCardFloorOnWijkbotAdapterMedian: round(l.median / same.median),
    };
  } finally {
    await floors?.stop();
    await t.stop();
  }
}

if (require.main === module) {
  benchSocialMap()
    .then((f) => {
      for (const [k, v] of Object.entries(f)) line(k, v);
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
