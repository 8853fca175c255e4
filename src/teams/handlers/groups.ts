/** Chat commands for roles, wijkgroepen and channel links: parse → check (in the service) → reply. */
import { messageCard } from '../../cards/messageCard';
import { DomainError } from '../../features/errors';
import { summariseGrantsFor } from '../../features/groups/service';
import { EMAIL_PATTERN, isAdmin, parseRole, roleLabel, type Actor } from '../../features/groups/types';
import { t } from '../../i18n';
import { announceChannelLinked } from '../channelLinks';
import type { CommandContext, CommandSpec, FeatureModule } from '../featureModule';
import type { AppServices } from '../services';

const isCoordinatorOrAdmin = (a: Actor) => a.roles.some((r) => r.role === 'coordinator' || r.role === 'admin');

/** `allModules`: every feature module (help lists their commands; a new channel link is announced to them). */
export function groupsModule(services: AppServices, allModules: () => readonly FeatureModule[]): FeatureModule {
  const { groups } = services;
  const allCommands = (): CommandSpec[] => allModules().flatMap((m) => m.commands ?? []);
  const helpCards = new Map<string, Record<string, unknown>>();

  async function roleCommand(ctx: CommandContext, revoke: boolean): Promise<void> {
    // rol <rol> <@persoon | e-mail> [wijkgroep]
    const words = ctx.args.split(' ').filter(Boolean);
    const role = words.length ? parseRole(words[0]) : undefined;
    if (!role) {
      await ctx.reply({ text: t(ctx.locale, 'groups.roleUsage') });
      return;
    }
    const rest = words.slice(1);
    const emailIdx = rest.findIndex((w) => EMAIL_PATTERN.test(w));
    let target: { aadObjectId?: string; email?: string; name?: string };
    let groupWords: string[];
    if (ctx.mentions.length) {
      const m = ctx.mentions[0];
      const member = await ctx.lookupMember(m.id);
      target = { aadObjectId: m.aadObjectId ?? member?.aadObjectId, email: member?.email, name: member?.name ?? m.name };
      if (!target.aadObjectId && !target.email) throw new DomainError('groups.personUnknown', { who: m.name });
      // the mention's own words were removed from the text; what remains is the group
      groupWords = rest;
    } else if (emailIdx >= 0) {
      target = { email: rest[emailIdx].toLowerCase() };
      groupWords = rest.filter((_, i) => i !== emailIdx);
    } else {
      await ctx.reply({ text: t(ctx.locale, 'groups.roleUsage') });
      return;
    }
    const groupText = groupWords.join(' ') || undefined;
    const result = revoke
      ? await groups.revokeRole(ctx.actor, role, target, groupText)
      : await groups.grantRole(ctx.actor, role, target, groupText);
    const inGroup = result.groupName ? t(ctx.locale, 'groups.inGroup', { group: result.groupName }) : '';
    const code = revoke ? (result.changed ? 'groups.roleRevoked' : 'groups.roleNotHeld') : result.changed ? 'groups.roleGranted' : 'groups.roleAlready';
    await ctx.reply({ text: t(ctx.locale, code, { person: result.personName, role: roleLabel(role, ctx.locale), inGroup }) });
  }

  const commands: CommandSpec[] = [
    {
      names: ['help', 'hulp', '?'],
      help: { nl: '**help** — wat Wijkbot voor jou kan doen', en: '**help** — what Wijkbot can do for you' },
      async run(ctx) {
        const visible = allCommands().filter((c) => !c.visibleTo || c.visibleTo(ctx.actor));
        // the card depends only on the language and which commands are visible: render each variant once
        const key = `${ctx.locale}|${visible.map((c) => c.names[0]).join(',')}`;
        let card = helpCards.get(key);
        if (!card) {
          card = messageCard(t(ctx.locale, 'groups.helpTitle'), visible.map((c) => c.help[ctx.locale]));
          helpCards.set(key, card);
        }
        await ctx.reply({ card, summary: t(ctx.locale, 'groups.helpTitle') });
      },
    },
    {
      names: ['wie ben ik', 'whoami', 'who am i'],
      help: { nl: '**wie ben ik** — je rollen en wijkgroepen', en: '**wie ben ik** — your roles and groups' },
      async run(ctx) {
        const roles = summariseGrantsFor(ctx.actor, ctx.locale);
        await ctx.reply({ text: roles.length ? t(ctx.locale, 'groups.whoami', { name: ctx.actor.name, roles: roles.join(', ') }) : t(ctx.locale, 'groups.whoamiNone', { name: ctx.actor.name }) });
      },
    },
    {
      names: ['wijkgroepen', 'groups'],
      help: { nl: '**wijkgroepen** — alle wijkgroepen en hun kanaal', en: '**wijkgroepen** — all groups and their channel' },
      async run(ctx) {
        const list = await groups.listGroups();
        if (!list.length) {
          await ctx.reply({ text: t(ctx.locale, 'groups.listEmpty') });
          return;
        }
        const lines = list.map((g) => t(ctx.locale, 'groups.listLine', { name: g.name, members: g._count.memberships, channel: g.conversation ? g.conversation.name ?? t(ctx.locale, 'groups.channelUnnamed') : t(ctx.locale, 'groups.noChannel') }));
        await ctx.reply({ card: messageCard(t(ctx.locale, 'groups.list'), lines) });
      },
    },
    {
      names: ['rol weg', 'rol intrekken', 'revoke'],
      help: { nl: '**rol weg <rol> <@persoon of e-mail> [wijkgroep]** — rol intrekken', en: '**rol weg <role> <@person or e-mail> [group]** — revoke a role' },
      visibleTo: isCoordinatorOrAdmin,
      run: (ctx) => roleCommand(ctx, true),
    },
    {
      names: ['rol', 'grant'],
      help: { nl: '**rol <rol> <@persoon of e-mail> [wijkgroep]** — rol toekennen', en: '**rol <role> <@person or e-mail> [group]** — grant a role' },
      visibleTo: isCoordinatorOrAdmin,
      run: (ctx) => roleCommand(ctx, false),
    },
    {
      names: ['koppel', 'link'],
      help: { nl: '**@Wijkbot koppel <wijkgroep>** (in een kanaal) — kanaal aan wijkgroep koppelen', en: '**@Wijkbot koppel <group>** (in a channel) — link the channel to a group' },
      visibleTo: isCoordinatorOrAdmin,
      scopes: ['channel'],
      async run(ctx) {
        const { group, previousChannel } = await groups.linkChannel(ctx.actor, ctx.conversation.id, ctx.args);
        const moved = previousChannel ? t(ctx.locale, 'groups.linkedMoved', { group: group.name, previous: previousChannel }) : '';
        // what was planned before the group had a channel (invitations) is posted here now
        const waited = await announceChannelLinked(allModules(), { groupId: group.id, groupName: group.name, conversationId: ctx.conversation.id, locale: ctx.locale }, services.log);
        await ctx.reply({ text: [t(ctx.locale, 'groups.linked', { group: group.name }) + moved, ...waited].join('\n\n') });
      },
    },
    {
      names: ['ontkoppel', 'unlink'],
      help: { nl: '**@Wijkbot ontkoppel** (in een kanaal) — koppeling opheffen', en: '**@Wijkbot ontkoppel** (in a channel) — remove the link' },
      visibleTo: isCoordinatorOrAdmin,
      scopes: ['channel'],
      async run(ctx) {
        const group = await groups.unlinkChannel(ctx.actor, ctx.conversation.id);
        await ctx.reply({ text: group ? t(ctx.locale, 'groups.unlinked', { group: group.name }) : t(ctx.locale, 'groups.notLinked') });
      },
    },
  ];
  return { name: 'groups', commands };
}


export { isAdmin };
