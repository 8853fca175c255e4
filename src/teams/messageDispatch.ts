/**
 * What happens to a typed message that is not a card click: the intent layer (src/intent) decides what it
 * means, and this module acts on it: run the command, offer the command a slip was close to, answer a
 * greeting, show help, or hand a lookup to the social map. Kept out of app.ts (the route table) so that
 * file stays a list of routes.
 *
 * The button under a suggestion carries only the text to run; it goes through the same router, scope
 * check and role checks as a typed command, as the person who clicks (identity from the activity).
 */
import { markdownInert } from '../cards/markdown';
import { messageCard } from '../cards/messageCard';
import { renderCard } from '../cards/render';
import type { Locale } from '../features/groups/types';
import { t } from '../i18n';
import { classifyMessage } from '../intent/classify';
import { messageLanguage } from '../intent/language';
import { COMMAND_EXAMPLES } from '../intent/messages';
import type { CommandVocabulary, Intent, LookupVocabulary } from '../intent/types';
import type { CommandRouter, RoutedCommand } from './commandRouter';
import type { CardActionResult, CommandContext, CommandSpec, FeatureModule } from './featureModule';

/** The verb of the "Ja, agenda" button under a suggestion. */
export const RUN_SUGGESTION_VERB = 'intent.run';
/**
 * A suggestion button carries the whole corrected command; beyond this it would make the card heavy (a
 * peiling with long options): then the card asks to type it again instead.
 */
export const MAX_SUGGESTION_CHARS = 2_000;
/** Teams cuts button titles at about 20 characters (seen: "…Noord): 2 resul"). */
const MAX_BUTTON_TITLE = 20;

export class MessageDispatcher {
  private readonly commands: CommandVocabulary;

  constructor(
    private readonly router: CommandRouter,
    private readonly lookup: {
      run?: NonNullable<FeatureModule['fallback']>;
      vocabulary?: LookupVocabulary;
    },
  ) {
    this.commands = { entries: router.specs.flatMap((spec) => spec.names.map((name) => ({ name, command: spec.names[0]! }))) };
  }

  classify(text: string): Intent {
    return classifyMessage(text, { commands: this.commands, vocabulary: this.lookup.vocabulary });
  }

  /**
   * A typed message (mention removed): decide what it means, then act on it. `onRoute` hears the route for
   * the metrics before anything runs (so a refused command still counts under its name).
   */
  async dispatch(ctx: CommandContext, text: string, onRoute: (route: string) => void = () => undefined): Promise<void> {
    const intent = this.classify(text);
    onRoute(this.routeOf(intent, ctx));
    const { locale } = ctx;
    // conversation is answered in the language it was written in ("what can you do?" from a Dutch client);
    // commands and lookups keep the client's locale
    const talk = messageLanguage(text, locale);
    switch (intent.kind) {
      case 'command': {
        const routed = this.router.route(intent.text);
        if (routed) return void (await this.runRouted(ctx, routed));
        await ctx.reply({ text: t(locale, 'common.unknownCommand', { word: firstWord(text) }) });
        return;
      }
      case 'help': {
        const help = this.router.route('help');
        if (help) return void (await this.runRouted({ ...ctx, locale: talk }, help));
        return;
      }
      case 'howTo':
        await ctx.reply(this.howTo({ ...ctx, locale: talk }, intent.command));
        return;
      case 'nearMiss':
        await ctx.reply(this.suggestion(locale, intent.command, [intent.command, intent.args].filter(Boolean).join(' ')));
        return;
      case 'greeting':
        await ctx.reply({ text: t(talk, 'intent.greeting') });
        return;
      case 'thanks':
        await ctx.reply({ text: t(talk, 'intent.thanks') });
        return;
      case 'smallTalk':
        await ctx.reply({ text: t(talk, `intent.smallTalk.${intent.topic}`) });
        return;
      case 'lookup':
        if (!this.lookup.run) break;
        if (ctx.conversation.kind === 'personal') {
          await this.lookup.run({ ...ctx, args: intent.text }, intent.text, { sentence: intent.sentence });
          return;
        }
        // in a channel a lookup posts for everyone to see: only with `zoek` in front, offered as a button
        await ctx.reply(this.suggestion(locale, 'zoek', `zoek ${intent.text}`, t(locale, 'intent.suggest.lookupInChannel')));
        return;
      case 'other':
        break;
    }
    // not for Wijkbot: search nothing, say what it can do
    const other = intent.kind === 'other' ? talk : locale;
    await ctx.reply({ text: ctx.conversation.kind === 'personal' ? t(other, 'intent.other') : t(other, 'common.unknownCommand', { word: firstWord(text) }) });
    return;
  }

  /** The metrics' name for what a message does: a command's first name or a fixed word, never user text. */
  private routeOf(intent: Intent, ctx: CommandContext): string {
    switch (intent.kind) {
      case 'command':
        return this.router.route(intent.text)?.spec.names[0] ?? 'unknown';
      case 'help':
      case 'howTo':
        return 'help';
      case 'nearMiss':
        return 'suggestion';
      case 'greeting':
      case 'thanks':
      case 'smallTalk':
        return 'smallTalk';
      case 'lookup':
        if (!this.lookup.run) return 'unknown';
        return ctx.conversation.kind === 'personal' ? 'lookup' : 'suggestion';
      case 'other':
        return 'unknown';
    }
  }

  /** The suggestion's button: the text runs as if typed by the person who clicks. */
  async runSuggestion(ctx: CommandContext, data: Record<string, unknown>): Promise<CardActionResult> {
    const text = typeof data.text === 'string' ? data.text.replace(/\s+/g, ' ').trim().slice(0, MAX_SUGGESTION_CHARS) : '';
    const routed = text ? this.router.route(text) : null;
    if (!routed) return { message: t(ctx.locale, 'common.unknownAction') };
    await this.runRouted(ctx, routed);
    // the suggestion becomes a note of what ran, for everyone: nobody clicks it twice by accident
    const done = messageCard(t(ctx.locale, 'intent.suggest.ran', { text: markdownInert(clip(text, 120)) }), [], 'good');
    return { card: done, sharedCard: done };
  }

  private async runRouted(ctx: CommandContext, routed: RoutedCommand): Promise<void> {
    if (routed.spec.scopes && !routed.spec.scopes.includes(ctx.conversation.kind)) {
      await ctx.reply({ text: t(ctx.locale, 'common.onlyInChannel') });
      return;
    }
    await routed.spec.run({ ...ctx, args: routed.args });
  }

  private suggestion(locale: Locale, command: string, text: string, note = ''): { card: object; summary: string } {
    const title = t(locale, 'intent.suggest.title', { command });
    const fits = text.length <= MAX_SUGGESTION_CHARS;
    const showRuns = fits && text !== command;
    const card = renderCard('commandSuggestion', {
      title,
      note: fits ? note : [note, t(locale, 'intent.suggest.tooLong', { command })].filter(Boolean).join(' '),
      runs: showRuns ? t(locale, 'intent.suggest.runs', { text: markdownInert(clip(text, 200)) }) : '',
      hasButton: fits,
      button: clip(t(locale, 'intent.suggest.button', { command }), MAX_BUTTON_TITLE),
      text: fits ? text : '',
    });
    return { card, summary: title.replace(/\*\*/g, '') };
  }

  private howTo(ctx: CommandContext, command: string): { card: object; summary: string } {
    const spec = this.specOf(command);
    const { locale } = ctx;
    const title = t(locale, 'intent.howTo.title', { command });
    const lines: string[] = [];
    if (spec) lines.push(spec.help[locale]);
    const example = COMMAND_EXAMPLES[command];
    if (example) lines.push(t(locale, 'intent.howTo.example', { example }));
    if (spec?.visibleTo && !spec.visibleTo(ctx.actor)) lines.push(t(locale, 'intent.howTo.notForYou'));
    lines.push(t(locale, 'intent.howTo.more'));
    return { card: messageCard(title, lines), summary: title };
  }

  private specOf(command: string): CommandSpec | undefined {
    return this.router.specs.find((s) => s.names[0] === command);
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function firstWord(text: string): string {
  return text.split(' ')[0]!.slice(0, 40);
}
