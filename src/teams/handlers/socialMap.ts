/**
 * The sociale kaart in Teams: free-text lookup in a personal chat (the fallback) and `zoek …` anywhere,
 * paging/details/"klopt niet" card verbs, the coordinator commands (opnamestop, wachttijd, gecontroleerd),
 * the compose-box search (zoekPartner) and the weekly freshness overview. Parse → SocialMapService (which
 * checks who may change what) → render from cards/partner*.json.
 *
 * Lookups read the in-memory index, loaded at start; changes are written through (database first, then
 * the index). Before answering from the map, one small read of the data version tells whether someone
 * else wrote (an import, another instance); only then are the changed rows read (service.sync).
 */
import { Cron } from 'croner';
import { CardCache } from '../../cards/cardCache';
import { messageCard } from '../../cards/messageCard';
import { DomainError } from '../../features/errors';
import type { Actor, Locale } from '../../features/groups/types';
import { detailsCard, formatDay, mdInert, reportCard, reportFieldLabel, resultsCard, type PageRef } from '../../features/socialMap/cards';
import { disciplineLabel } from '../../features/socialMap/disciplines';
import { queryFromJson } from '../../features/socialMap/queryJson';
import { askerWijken, canMaintainSocialMap, SocialMapService } from '../../features/socialMap/service';
import { FRESHNESS, type Partner } from '../../features/socialMap/types';
import { lookupVocabularyOf } from '../../features/socialMap/vocabulary';
import { t } from '../../i18n';
import type { CardActionContext, CardActionResult, CardActionSpec, CommandContext, CommandSpec, FeatureModule } from '../featureModule';
import type { AppServices } from '../services';

/** Results per card page: five partners with their buttons keep the card well under Teams' 28 KB. */
export const RESULTS_PER_PAGE = 5;
export const FRESHNESS_JOB = 'socialMap.freshness';
/** Monday 08:00 in Amsterdam. */
export const FRESHNESS_CRON = '0 8 * * 1';
export const FRESHNESS_ZONE = 'Europe/Amsterdam';
/** A run that is later than this (the bot was down for days) is skipped: next week's overview replaces it. */
const FRESHNESS_MAX_LATE_MS = 3 * 24 * 3_600_000;
const OVERVIEW_MAX_LINES = 20;
/**
 * How long an answer waits for the map to catch up with others' writes. A normal import is applied well
 * within it; the tail of a very large one keeps coming in the background while the answer uses what is in.
 */
const SYNC_BUDGET_MS = 2_000;
const MAX_QUERY_CHARS = 300;
/** A letter or a digit: a lookup text without one (only punctuation) asks for nothing. */
const HAS_WORD = /[\p{L}\p{N}]/u;
/** Results cards kept (~8 KB each as JSON): a few hundred distinct recent questions, ~2 MB. */
const ANSWER_CACHE_CARDS = 256;
/**
 * Up to this many partners the index is loaded before the bot listens (~0.5 s per 5,000). A larger map
 * loads in the background (100,000 partners: ~10 s) so start-to-ready stays short; lookups meanwhile say
 * the map is still loading, and rows changed during the load are picked up right after it.
 */
const SYNC_LOAD_MAX = 5_000;

export interface SocialMapModule extends FeatureModule {
  service: SocialMapService;
  /** results cards kept for questions asked again (tests and the bench read its counts) */
  answers: CardCache;
  /** drops the kept results cards and readings: the next question is answered as one never asked (bench) */
  forgetAnswers(): void;
  /** resolves when background notifications are sent (tests, benchmark, shutdown) */
  idle(): Promise<void>;
}

export function nextFreshnessRun(after: Date): Date {
  return new Cron(FRESHNESS_CRON, { timezone: FRESHNESS_ZONE }).nextRun(after)!;
}

export function socialMapModule(services: AppServices): SocialMapModule {
  const { db, log, clock, proactive, conversations } = services;
  const service = new SocialMapService({ db, clock, lane: services.sqlite });
  const background = new Set<Promise<unknown>>();

  function track(p: Promise<unknown>): void {
    const tracked = p.catch((err) => log.error({ err: (err as Error).message }, 'social map background task failed')).finally(() => background.delete(tracked));
    background.add(tracked);
  }

  /** Before answering from the map: apply what others wrote, within SYNC_BUDGET_MS (then answer anyway). */
  async function upToDate(): Promise<void> {
    const sync = service.sync();
    track(sync);
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SYNC_BUDGET_MS);
      timer.unref();
    });
    await Promise.race([sync.then(() => undefined, () => undefined), budget]);
    clearTimeout(timer);
  }

  function requireRoster(actor: Actor): void {
    if (!actor.personId) throw new DomainError('common.notOnRoster');
    if (!service.isLoaded) throw new DomainError('socialMap.lookup.loading');
  }

  const view = (locale: Locale) => ({ locale, now: clock(), today: service.today() });
  /** Results cards asked again (the same query, page and day on an unchanged map) are not searched and expanded again. */
  const answers = new CardCache(ANSWER_CACHE_CARDS);

  /** Query text or a widened query from a button → results card. */
  /** `asker`: whoever asks (or pages on), for "in mijn wijk"; never taken from card data. */
  function resultsFor(ref: PageRef, locale: Locale, asker: Actor, hints: { sentence?: boolean } = {}): Record<string, unknown> {
    const offset = Number.isFinite(Number(ref.offset)) ? Number(ref.offset) : 0;
    // everything the card is made from: the map as it is now, the day (intake stops, "laatst gecontroleerd"),
    // the language, the page, the query and, for "in mijn wijk", the asker's wijken (from the roster)
    const from = ref.qj ? `j${ref.qj}` : `q${(ref.q ?? '').slice(0, MAX_QUERY_CHARS)}|${hints.sentence ? 's' : ''}|${askerWijken(asker).sort().join(',')}`;
    const key = `${service.index.generation}|${service.today()}|${locale}|${offset}|${from}`;
    return answers.get(key, () => {
      if (ref.qj) {
        const query = queryFromJson(ref.qj);
        return resultsCard(service.lookupQuery(query, { offset, limit: RESULTS_PER_PAGE }), { qj: ref.qj }, view(locale));
      }
      const q = (ref.q ?? '').slice(0, MAX_QUERY_CHARS);
      const noHitsHint = hints.sentence ? t(locale, 'socialMap.lookup.sentenceNoHits') : '';
      return resultsCard(service.lookup(q, { offset, limit: RESULTS_PER_PAGE, asker }), { q }, { ...view(locale), noHitsHint });
    });
  }

  async function lookupReply(ctx: CommandContext, text: string, hints: { sentence?: boolean } = {}): Promise<void> {
    requireRoster(ctx.actor);
    await upToDate();
    const q = text.trim().slice(0, MAX_QUERY_CHARS);
    // "...", "!!!" or "-" asks for nothing: say what to type, not a page of the whole map
    if (!HAS_WORD.test(q)) {
      await ctx.reply({ text: t(ctx.locale, 'socialMap.lookup.empty') });
      return;
    }
    if (service.index.size === 0) {
      await ctx.reply({ text: t(ctx.locale, 'socialMap.lookup.mapEmpty') });
      return;
    }
    // a sentence that finds nothing may not have been meant as a lookup: the card says so and where help is
    const card = resultsFor({ q, offset: 0 }, ctx.locale, ctx.actor, { sentence: hints.sentence });
    await ctx.reply({ card, summary: t(ctx.locale, 'socialMap.lookup.summary') });
  }

  // ---- coordinator commands ---------------------------------------------------------------------------

  /** The one partner a coordinator means, or a reply that says why not (none, or which of several). */
  async function onePartner(ctx: CommandContext, text: string): Promise<Partner | null> {
    await upToDate();
    const found = service.findPartners(text);
    if (found.length === 1) return found[0]!;
    if (!found.length) {
      await ctx.reply({ text: t(ctx.locale, 'socialMap.cmd.notFound', { text: mdInert(text.slice(0, 60)) }) });
      return null;
    }
    const lines = found.slice(0, 8).map((p) => `• ${mdInert(p.name)}${p.organisation ? ` — ${mdInert(p.organisation)}` : ''} (${disciplineLabel(p.discipline, ctx.locale)}${p.agb ? `, AGB ${p.agb}` : ''})`);
    if (found.length > 8) lines.push('…');
    await ctx.reply({ card: messageCard(t(ctx.locale, 'socialMap.cmd.ambiguous', { text: mdInert(text.slice(0, 60)), count: found.length }), lines, 'warning') });
    return null;
  }

  const commands: CommandSpec[] = [
    {
      names: ['zoek', 'search'],
      help: { nl: '**zoek <wat, waar>** — zoek een zorgpartner op de sociale kaart, bijv. zoek fysio bekkenbodem Oost (in een persoonlijke chat mag "zoek" weg)', en: '**zoek <what, where>** — find a care partner on the social map, e.g. zoek fysio bekkenbodem Oost (in a personal chat without "zoek")' },
      run: (ctx) => lookupReply(ctx, ctx.args),
    },
    {
      names: ['opnamestop', 'patiëntenstop', 'intake stop'],
      help: { nl: '**opnamestop <partner> aan [tot <datum>]** / **uit** — opnamestop van een partner bijwerken', en: '**opnamestop <partner> aan [tot <date>]** / **uit** — update a partner’s intake stop' },
      visibleTo: canMaintainSocialMap,
      async run(ctx) {
        service.requireMaintainer(ctx.actor);
        const m = /^(.+)\s+(aan|uit|on|off)(?:\s+(?:tot(?:\s+en\s+met)?|t\/m|until)\s+(.+))?$/i.exec(ctx.args.trim());
        if (!m) {
          await ctx.reply({ text: t(ctx.locale, 'socialMap.cmd.intakeUsage') });
          return;
        }
        const active = /^(aan|on)$/i.test(m[2]!);
        if (!active && m[3]) {
          await ctx.reply({ text: t(ctx.locale, 'socialMap.cmd.intakeUsage') });
          return;
        }
        const until = active && m[3] ? service.parseEndDate(m[3].trim()) : null;
        const partner = await onePartner(ctx, m[1]!);
        if (!partner) return;
        const p = await service.setIntakeStop(ctx.actor, partner.id, { active, until });
        const untilText = p.intakeStop.until ? t(ctx.locale, 'socialMap.cmd.intakeUntil', { date: formatDay(p.intakeStop.until, ctx.locale) }) : '';
        await ctx.reply({ text: t(ctx.locale, active ? 'socialMap.cmd.intakeOn' : 'socialMap.cmd.intakeOff', { name: mdInert(p.name), until: untilText, by: mdInert(ctx.actor.name) }) });
      },
    },
    {
      names: ['wachttijd', 'waiting time'],
      help: { nl: '**wachttijd <partner> <weken>** — wachttijd van een partner bijwerken', en: '**wachttijd <partner> <weeks>** — update a partner’s waiting time' },
      visibleTo: canMaintainSocialMap,
      async run(ctx) {
        service.requireMaintainer(ctx.actor);
        const m = /^(.+?)\s+(\d{1,3})(?:\s*(?:weken|week|wk|w|weeks))?$/i.exec(ctx.args.trim());
        if (!m) {
          await ctx.reply({ text: t(ctx.locale, 'socialMap.cmd.waitUsage') });
          return;
        }
        const partner = await onePartner(ctx, m[1]!);
        if (!partner) return;
        const p = await service.setWaitWeeks(ctx.actor, partner.id, Number(m[2]));
        await ctx.reply({ text: t(ctx.locale, 'socialMap.cmd.waitSet', { name: mdInert(p.name), weeks: p.waitWeeks ?? 0, by: mdInert(ctx.actor.name) }) });
      },
    },
    {
      names: ['gecontroleerd', 'checked'],
      help: { nl: '**gecontroleerd <partner>** — nagevraagd en alles klopt (zet "laatst gecontroleerd" op vandaag)', en: '**gecontroleerd <partner>** — confirmed all is right (sets "last checked" to today)' },
      visibleTo: canMaintainSocialMap,
      async run(ctx) {
        service.requireMaintainer(ctx.actor);
        if (!ctx.args.trim()) {
          await ctx.reply({ text: t(ctx.locale, 'socialMap.cmd.checkedUsage') });
          return;
        }
        const partner = await onePartner(ctx, ctx.args.trim());
        if (!partner) return;
        const p = await service.markChecked(ctx.actor, partner.id);
        await ctx.reply({ text: t(ctx.locale, 'socialMap.cmd.checked', { name: mdInert(p.name), by: mdInert(ctx.actor.name) }) });
      },
    },
  ];

  // ---- card actions -----------------------------------------------------------------------------------

  function pageRefOf(data: Record<string, unknown>): PageRef {
    return {
      q: typeof data.q === 'string' ? data.q.slice(0, MAX_QUERY_CHARS) : undefined,
      qj: typeof data.qj === 'string' ? data.qj.slice(0, 4_000) : undefined,
      offset: Number.isFinite(Number(data.offset)) ? Math.max(0, Math.trunc(Number(data.offset))) : 0,
    };
  }

  /** Coordinators (or admins) who hear about a report on this partner and whom Wijkbot can message personally. */
  async function reportRecipients(actor: Actor, partner: Partner) {
    const targets = [...(await service.recipientsFor([partner])).values()].map((e) => e.recipient).filter((r) => r.personId !== actor.personId);
    const canReach = await conversations.reachablePeople(targets.map((r) => r.personId));
    return targets.filter((r) => canReach.has(r.personId));
  }

  async function notifyReport(actor: Actor, partner: Partner, field: Parameters<typeof reportFieldLabel>[0], note: string | null): Promise<string[]> {
    const reachable = await reportRecipients(actor, partner);
    const key = partner.agb ?? partner.name;
    track(Promise.all(reachable.map(async (r) => {
      const lines = [t(r.locale, 'socialMap.report.notice.line', { reporter: mdInert(actor.name), name: mdInert(partner.name), field: reportFieldLabel(field, r.locale) })];
      if (note) lines.push(t(r.locale, 'socialMap.report.notice.note', { note: mdInert(note) }));
      lines.push(t(r.locale, 'socialMap.report.notice.fix', { key: mdInert(key) }));
      const card = messageCard(t(r.locale, 'socialMap.report.notice.title'), lines, 'warning');
      await proactive.sendToPerson(r.personId, { card, summary: t(r.locale, 'socialMap.report.notice.title') })
        .catch((err) => log.warn({ err: (err as Error).message }, 'social map report notice not delivered'));
    })));
    return reachable.map((r) => r.name);
  }

  const guarded = (run: (ctx: CardActionContext, data: Record<string, unknown>) => Promise<CardActionResult>) =>
    async (ctx: CardActionContext, data: Record<string, unknown>): Promise<CardActionResult> => {
      requireRoster(ctx.actor);
      await upToDate();
      return run(ctx, data);
    };

  const cardActions: CardActionSpec[] = [
    {
      verb: 'socialMap.page',
      run: guarded(async (ctx, data) => ({ card: resultsFor(pageRefOf(data), ctx.locale, ctx.actor) })),
    },
    {
      verb: 'socialMap.details',
      run: guarded(async (ctx, data) => {
        const partner = service.requirePartner(data.partnerId);
        return { card: detailsCard(partner, { ...view(ctx.locale), back: pageRefOf(data), interactive: true }) };
      }),
    },
    {
      verb: 'socialMap.reportForm',
      run: guarded(async (ctx, data) => {
        const partner = service.requirePartner(data.partnerId);
        return { card: reportCard(partner, { locale: ctx.locale, back: pageRefOf(data) }) };
      }),
    },
    {
      verb: 'socialMap.report',
      run: guarded(async (ctx, data) => {
        const partner = service.requirePartner(data.partnerId);
        let outcome: Awaited<ReturnType<SocialMapService['report']>>;
        try {
          outcome = await service.report(ctx.actor, partner.id, data.what, data.note);
        } catch (err) {
          if (err instanceof DomainError && ['socialMap.report.badField', 'socialMap.report.noteTooLong', 'socialMap.report.notePrivacy'].includes(err.code)) {
            return { card: reportCard(partner, { locale: ctx.locale, back: pageRefOf(data), error: t(ctx.locale, err.code, err.params) }) };
          }
          throw err;
        }
        const note = typeof data.note === 'string' && data.note.trim() ? data.note.replace(/\s+/g, ' ').trim() : null;
        // a repeat (redelivery, double click) gets the same confirmation; the coordinators were told already
        const names = outcome.duplicate
          ? (await reportRecipients(ctx.actor, partner)).map((r) => r.name)
          : await notifyReport(ctx.actor, partner, outcome.field, note);
        const lines = [t(ctx.locale, 'socialMap.report.thanks', { name: mdInert(partner.name), field: reportFieldLabel(outcome.field, ctx.locale) })];
        lines.push(names.length ? t(ctx.locale, 'socialMap.report.notified', { names: names.map(mdInert).join(', ') }) : t(ctx.locale, 'socialMap.report.nobodyReachable'));
        return { card: messageCard(t(ctx.locale, 'common.done'), lines, 'good') };
      }),
    },
  ];

  // ---- compose box ------------------------------------------------------------------------------------

  const messageExtensions: FeatureModule['messageExtensions'] = [
    {
      commandId: 'zoekPartner',
      async query({ actor, locale, text, skip, count }) {
        requireRoster(actor);
        await upToDate();
        const q = text.trim().slice(0, MAX_QUERY_CHARS);
        if (q.length < 2) throw new DomainError('socialMap.me.tooShort');
        let partners = service.lookup(q, { offset: skip, limit: count, asker: actor }).result.results.map((h) => h.partner);
        // still typing a name ("jans"): complete it
        if (!partners.length && skip === 0) partners = service.suggestPartners(q, count);
        if (!partners.length) {
          if (skip > 0) return [];
          throw new DomainError('socialMap.me.noResults', { text: q.slice(0, 60) });
        }
        const v = view(locale);
        return partners.map((p) => {
          const stop = service.isIntakeStopActive(p)
            ? p.intakeStop.until ? t(locale, 'socialMap.result.intakeStopUntil', { until: formatDay(p.intakeStop.until, locale) }) : t(locale, 'socialMap.result.intakeStop')
            : '';
          const wait = p.waitWeeks === null ? '' : t(locale, 'socialMap.value.weeks', { weeks: p.waitWeeks });
          return {
            preview: {
              title: p.name,
              subtitle: [disciplineLabel(p.discipline, locale), p.organisation].filter(Boolean).join(' · '),
              text: [stop.toUpperCase(), wait && `${t(locale, 'socialMap.field.wait').toLowerCase()} ${wait}`, p.phone].filter(Boolean).join(' · '),
            },
            card: detailsCard(p, { ...v, interactive: false }),
          };
        });
      },
    },
  ];

  // ---- freshness --------------------------------------------------------------------------------------

  async function scheduleNextFreshness(after: Date): Promise<void> {
    const runAt = nextFreshnessRun(after);
    await services.jobs.scheduleOnce(FRESHNESS_JOB, `${FRESHNESS_JOB}:${runAt.toISOString()}`, runAt, {});
  }

  async function sendOverviews(now: Date): Promise<number> {
    const overviews = await service.staleOverview(now);
    let sent = 0;
    for (const { recipient, entries, openReports } of overviews) {
      const locale = recipient.locale;
      const lines = entries.length ? [t(locale, 'socialMap.stale.intro', { days: FRESHNESS.staleAfterDays })] : [];
      for (const e of entries.slice(0, OVERVIEW_MAX_LINES)) {
        const reasons = e.reasons.map((r) => t(locale, `socialMap.stale.${r}`, { days: e.daysSinceCheck ?? '?', until: e.partner.intakeStop.until ? formatDay(e.partner.intakeStop.until, locale) : '' }));
        lines.push(t(locale, 'socialMap.stale.line', { name: mdInert(e.partner.name), discipline: disciplineLabel(e.partner.discipline, locale), reasons: reasons.join('; ') }));
      }
      if (entries.length > OVERVIEW_MAX_LINES) lines.push(t(locale, 'socialMap.stale.more', { count: entries.length - OVERVIEW_MAX_LINES }));
      if (openReports > 0) lines.push(t(locale, 'socialMap.stale.reports', { count: openReports }));
      lines.push(t(locale, 'socialMap.stale.howTo'));
      const title = t(locale, 'socialMap.stale.title', { count: entries.length });
      try {
        if (await proactive.sendToPerson(recipient.personId, { card: messageCard(title, lines, 'warning'), summary: title })) sent++;
      } catch (err) {
        // one unreachable coordinator must not cost the others their overview (nor send them a second one)
        log.warn({ personId: recipient.personId, err: (err as Error).message }, 'freshness overview not delivered');
      }
    }
    return sent;
  }

  const jobs: FeatureModule['jobs'] = {
    async [FRESHNESS_JOB](_payload, jc) {
      try {
        if (jc.lateByMs > FRESHNESS_MAX_LATE_MS) log.info({ lateByMs: jc.lateByMs }, 'freshness overview skipped: next week’s replaces it');
        else {
          const sent = await sendOverviews(jc.now);
          log.info({ sent }, 'freshness overviews sent');
        }
      } finally {
        await scheduleNextFreshness(jc.now);
      }
    },
  };

  return {
    name: 'socialMap',
    commands,
    cardActions,
    messageExtensions,
    jobs,
    fallback: (ctx, text, hints) => lookupReply(ctx, text, hints),
    lookupVocabulary: lookupVocabularyOf({ parse: (text) => service.parse(text), count: (query) => service.index.count(query, service.today()) }),
    service,
    answers,
    forgetAnswers() {
      answers.clear();
      service.forgetReadings();
    },
    ready: () => service.isLoaded,
    async start() {
      services.metrics.observeSocialMap(() => ({ loaded: service.isLoaded, partners: service.index.size, indexedAt: service.indexedAt }));
      const t0 = Date.now();
      const stored = await db.partner.count();
      const load = async () => {
        const count = await service.load();
        await service.sync(); // rows written while a background load ran
        log.info({ partners: count, ms: Date.now() - t0 }, 'social map loaded into memory');
      };
      if (stored <= SYNC_LOAD_MAX) await load();
      else track(load());
      await scheduleNextFreshness(clock());
    },
    async seedDemo() {
      const n = await service.seedDemo();
      if (n) log.info({ partners: n }, 'demo social map loaded');
    },
    async idle() {
      while (background.size) await Promise.all([...background]);
    },
  };
}
