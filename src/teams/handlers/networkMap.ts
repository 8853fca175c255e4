/**
 * The netwerkkaart in Teams: `netwerkkaart Oost` (and the "Netwerkkaart" button on a lookup answer about
 * one wijk) answers with a card that shows the wijk's chain partners as a picture, with buttons for the
 * A4 printout and a refresh; the picture and the printout are served by the bot behind signed, expiring
 * links (GET /netwerkkaart/<map>/<file>).
 *
 * Who may see it: as for a lookup, everyone on the roster (it shows the same professional contact data a
 * lookup shows). Checked on the command and the button, and again when a link is fetched (the person the
 * link was made for must still be on the roster).
 */
import { messageCard } from '../../cards/messageCard';
import { DomainError } from '../../features/errors';
import type { Actor, Locale } from '../../features/groups/types';
import { networkMapCard } from '../../features/socialMap/networkMap/cards';
import { isMapRef, NETWORK_MAP_LINK_TTL_MS, NETWORK_MAP_ROUTE, networkMapPath, verifyNetworkMapLink, type NetworkMapFormat } from '../../features/socialMap/networkMap/link';
import { networkMapMessages } from '../../features/socialMap/networkMap/messages';
import { NetworkMapRenderer } from '../../features/socialMap/networkMap/renderer';
import { groupSubject, resolveSubject, subjectFromRef, type GroupDirectory, type ResolvedSubject } from '../../features/socialMap/networkMap/subject';
import type { SocialMapService } from '../../features/socialMap/service';
import { t } from '../../i18n';
import type { CardActionSpec, CommandContext, CommandSpec, FeatureModule, HttpRoute } from '../featureModule';
import { plainText, type RouteResponse } from '../routeResponses';
import type { AppServices } from '../services';

export interface NetworkMapModule extends FeatureModule {
  renderer: NetworkMapRenderer;
  /** resolves when background renders are done (tests, shutdown) */
  idle(): Promise<void>;
}

const MAX_ARGS = 80;

export function networkMapModule(services: AppServices, socialMap: SocialMapService): NetworkMapModule {
  const { db, log, clock, groups } = services;
  const renderer = new NetworkMapRenderer({ partners: () => socialMap.index.partners(), clock });
  const background = new Set<Promise<unknown>>();

  function track(p: Promise<unknown>): void {
    const tracked = p.catch((err) => log.error({ err: (err as Error).message }, 'netwerkkaart render failed')).finally(() => background.delete(tracked));
    background.add(tracked);
  }

  const directory: GroupDirectory = {
    all: async () => (await groups.listGroups()).map((g) => ({ name: g.name, slug: g.slug })),
    async find(text) {
      try {
        const g = await groups.resolveGroup(text);
        return { group: { name: g.name, slug: g.slug } };
      } catch (err) {
        if (err instanceof DomainError && err.code.startsWith('groups.')) return { suggestion: typeof err.params.suggestion === 'string' && err.params.suggestion ? err.params.suggestion : null };
        throw err;
      }
    },
  };

  function requireRoster(actor: Actor): void {
    if (!actor.personId) throw new DomainError('common.notOnRoster');
    if (!socialMap.isLoaded) throw new DomainError('socialMap.lookup.loading');
  }

  /** No name typed: the wijkgroep of this channel, else the asker's own (when there is exactly one). */
  async function defaultSubject(ctx: CommandContext): Promise<ResolvedSubject> {
    const linked = ctx.conversation.kind === 'channel' ? await groups.groupOfConversation(ctx.conversation.id) : null;
    if (linked) return groupSubject(linked);
    const own = [...new Set(ctx.actor.roles.filter((r) => r.groupName).map((r) => r.groupName!))];
    if (own.length === 1) {
      const g = (await directory.all()).find((x) => x.name === own[0]);
      if (g) return groupSubject(g);
    }
    if (own.length > 1) throw new DomainError('networkMap.cmd.whichOf', { names: own.sort().join(', ') });
    throw new DomainError('networkMap.cmd.which');
  }

  function cardFor(actor: Actor, locale: Locale, subject: ResolvedSubject, back?: Record<string, unknown>): Record<string, unknown> {
    const model = renderer.model(subject);
    if (model.total === 0) return messageCard(t(locale, 'networkMap.card.title', { name: subject.name }), [t(locale, 'networkMap.card.empty', { name: subject.name })]);
    const expiresAt = clock().getTime() + NETWORK_MAP_LINK_TTL_MS;
    const claim = { map: subject.ref, personId: actor.personId!, locale, expiresAt };
    const url = (format: NetworkMapFormat) => `${services.publicBaseUrl}${networkMapPath(services.appSecret, claim, format)}`;
    // Teams fetches the picture as soon as the card arrives: have it ready, but answer first (the layout
    // is synchronous work, and the first one of a process also loads the fonts)
    track(new Promise<void>((resolve) => setImmediate(resolve)).then(() => renderer.render(subject, 'png', locale)));
    return networkMapCard(model, { locale, imageUrl: url('png'), pdfUrl: url('pdf'), expiresAt: new Date(expiresAt), refreshData: { map: subject.ref }, back });
  }

  const commands: CommandSpec[] = [
    {
      names: ['netwerkkaart', 'network map'],
      help: networkMapMessages['networkMap.help']!,
      async run(ctx) {
        requireRoster(ctx.actor);
        const typed = ctx.args.trim().slice(0, MAX_ARGS);
        const subject = typed ? await resolveSubject(typed, directory) : await defaultSubject(ctx);
        await ctx.reply({ card: cardFor(ctx.actor, ctx.locale, subject), summary: t(ctx.locale, 'networkMap.card.title', { name: subject.name }) });
      },
    },
  ];

  /** The lookup the button came from (socialMap.page data), validated like any card input. */
  function backFrom(data: Record<string, unknown>): Record<string, unknown> | undefined {
    const q = typeof data.q === 'string' ? data.q.slice(0, 300) : undefined;
    const qj = typeof data.qj === 'string' ? data.qj.slice(0, 4_000) : undefined;
    if (!q && !qj) return undefined;
    const offset = Number.isFinite(Number(data.offset)) ? Math.max(0, Math.trunc(Number(data.offset))) : 0;
    return { ...(q ? { q } : {}), ...(qj ? { qj } : {}), offset };
  }

  const cardActions: CardActionSpec[] = [
    {
      verb: 'networkMap.show',
      async run(ctx, data) {
        requireRoster(ctx.actor);
        const ref = typeof data.map === 'string' && isMapRef(data.map) ? data.map : null;
        const subject = ref ? await subjectFromRef(ref, directory) : null;
        if (!subject) throw new DomainError('networkMap.unknownWijk', { name: typeof data.map === 'string' ? data.map.slice(0, 40) : '' });
        return { card: cardFor(ctx.actor, ctx.locale, subject, backFrom(data)) };
      },
    },
  ];

  const refused = plainText(403, 'Deze link is verlopen of ongeldig. / This link has expired or is not valid.');
  const notFound = plainText(404, 'Niet gevonden. / Not found.');

  const httpRoutes: HttpRoute[] = [
    {
      method: 'get',
      path: NETWORK_MAP_ROUTE,
      async handler(params): Promise<RouteResponse> {
        const link = verifyNetworkMapLink(services.appSecret, String(params.map ?? ''), String(params.file ?? ''), clock());
        if (!link) return refused;
        // checked again now, as for a lookup: the person the link was made for is still on the roster
        if ((await db.person.count({ where: { id: link.claim.personId } })) === 0) return refused;
        if (!socialMap.isLoaded) return plainText(503, 'Even geduld. / Please retry.', { 'Retry-After': '5' });
        const subject = await subjectFromRef(link.claim.map, directory);
        if (!subject) return notFound;
        const file = await renderer.render(subject, link.format, link.claim.locale);
        return {
          status: 200,
          contentType: file.contentType,
          body: file.body,
          headers: {
            'Content-Disposition': `inline; filename="${file.fileName}"`,
            // private: the link is personal; a short max-age lets Teams' image proxy reuse it without serving a stale map for long
            'Cache-Control': 'private, max-age=300',
            'X-Content-Type-Options': 'nosniff',
          },
        };
      },
    },
  ];

  return {
    name: 'networkMap',
    commands,
    cardActions,
    httpRoutes,
    renderer,
    async idle() {
      while (background.size) await Promise.all([...background]);
    },
  };
}
