/**
 * Deciding what a chat message means. Deterministic and offline: the command vocabulary, edit distance
 * and the social map's own vocabulary (through the LookupVocabulary port), tuned on
 * test/unit/intent/labelled-tuning.json and measured on a held-out set (`npm run bench`, part "intent").
 *
 * The order of the rules is the policy:
 *  1. an exact command (trailing "?" or "!" allowed) runs; `help` (also "help peiling") is help;
 *  2. a whole message of greeting, thanks or small talk gets a short friendly answer, no search;
 *  3. a question about Wijkbot gets help: the overview, or for a how-to question one command's help;
 *  4. a slip of a command name ("agnda", "verslg FTO-4GW") is offered as the command, arguments kept;
 *  5. what the social map understands (a discipline, expertise, wijk, postcode) is a lookup, also as a
 *     question ("wie doet er wondzorg in Oost?");
 *  6. a short text without sentence words is a lookup too (a name: "Piet Jansen", "Fysio Dapper");
 *  7. a sentence is a lookup only when its unknown words find partners ("het nummer van Anna de Vries");
 *     otherwise it is not for Wijkbot: no search ("wie zitten er in de ROHA-raad?").
 */
import { nearMissOf } from './nearMiss';
import { howToTopic, isHelpQuestion } from './questions';
import { leadingGreeting, smallTalkOf } from './smallTalk';
import { isOnlySymbols, trimTrailing, words } from './text';
import type { CommandVocabulary, Intent, LookupReading, LookupVocabulary } from './types';

/** Only the start of a long message is read: a slip, a greeting or a lookup shows in its first words. */
const MAX_READ_CHARS = 1_000;

/** Longer than this, a text is not a lookup anybody typed: it is read as a sentence. */
const LOOKUP_MAX_PLAIN_WORDS = 4;

/**
 * Words that make a text a sentence rather than a list of search terms: pronouns, auxiliary and common
 * verbs, question words (Dutch and English). Prepositions and articles are not among them: "fysio in de
 * Pijp" is a lookup.
 */
const SENTENCE_WORDS = new Set(
  (
    'ik je jij u jou jullie we wij hij zij ze mij me mijn jouw uw ons onze iets niets niet iemand ' +
    'is zijn ben bent heb hebt heeft hebben kan kun kunt kunnen wil wilt willen moet moeten mag mogen zal zou doe doet doen ' +
    'gaat gaan ga wordt worden was waren weet vind vindt denk zie ziet hoe wat waarom wanneer wie waar welke hoeveel ' +
    'i you he she they my your our is are am was were do does did can could would will should what how why when who where which ' +
    'this that it me there'
  ).split(' '),
);

export interface ClassifyOptions {
  commands: CommandVocabulary;
  /** absent when the bot has no social map: nothing then reads as a known term */
  vocabulary?: LookupVocabulary;
}

interface Prepared {
  commandNames: Map<string, { name: string; command: string }>;
  entries: CommandVocabulary;
  helpCommand: string | null;
}

const PREPARED = new WeakMap<CommandVocabulary, Prepared>();

/** Command names folded like the message (cached per vocabulary: the Teams layer builds it once). */
function prepare(commands: CommandVocabulary): Prepared {
  const cached = PREPARED.get(commands);
  if (cached) return cached;
  const commandNames = new Map<string, { name: string; command: string }>();
  const entries: { name: string; command: string }[] = [];
  for (const e of commands.entries) {
    const name = words(e.name).join(' ');
    if (!name) continue;
    commandNames.set(name, { name: e.name, command: e.command });
    entries.push({ name, command: e.command });
  }
  const help = commands.entries.find((e) => e.name === 'help');
  const prepared = { commandNames, entries: { entries }, helpCommand: help?.command ?? null };
  PREPARED.set(commands, prepared);
  return prepared;
}

export function classifyMessage(text: string, opts: ClassifyOptions): Intent {
  const prepared = prepare(opts.commands);
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return { kind: 'other' };
  if (clean === '?') return { kind: 'help' };
  if (isOnlySymbols(clean)) return { kind: 'smallTalk', topic: 'ack' };

  const all = words(clean.slice(0, MAX_READ_CHARS));
  // 1. exact command (unless it is the start of a slipped longer one: "rol wge x" is "rol weg x")
  const exact = exactCommand(clean, prepared);
  if (exact) {
    const longer = exact.kind === 'command' ? nearMissOf(all, prepared.entries) : null;
    if (longer) return { kind: 'nearMiss', command: longer.command, typed: firstWords(clean, longer.words), args: dropWords(clean, longer.words) };
    return exact;
  }

  // 2. greeting, thanks, small talk (the whole message)
  const social = smallTalkOf(all);
  if (social) return social;

  // a greeting in front does not change what the rest means: "hoi, fysio Oost"
  const skip = leadingGreeting(all);
  const tokens = all.slice(skip);
  const rest = skip ? dropWords(clean, skip) : clean;
  if (skip) {
    const afterGreeting = exactCommand(rest, prepared);
    if (afterGreeting) return afterGreeting;
    // "hallo, hoe gaat het?" answers the question; the greeting is in the answer anyway
    const talk = smallTalkOf(tokens);
    if (talk) return talk;
  }

  // 3. questions about Wijkbot
  const topic = howToTopic(tokens);
  const reading = opts.vocabulary?.read(rest.slice(0, MAX_READ_CHARS));
  if (topic && topic !== 'zoek' && knows(prepared, topic)) return { kind: 'howTo', command: topic };
  if (isHelpQuestion(tokens)) return { kind: 'help' };
  if (topic === 'zoek' && !(reading && reading.exactTerms > 0)) return knows(prepared, 'zoek') ? { kind: 'howTo', command: 'zoek' } : { kind: 'help' };

  // 4. a slip of a command name (unless the slipped word is something the social map knows)
  const miss = nearMissOf(tokens, prepared.entries);
  if (miss && !isMapTerm(tokens[0]!, opts.vocabulary)) {
    const args = dropWords(rest, miss.words);
    const typed = firstWords(rest, miss.words);
    if (miss.command === 'zoek') return { kind: 'lookup', text: args, sentence: readsLikeSentence(args, words(args.slice(0, MAX_READ_CHARS))) };
    return { kind: 'nearMiss', command: miss.command, typed, args };
  }

  // 5-7. lookups
  return lookupOrOther(rest, tokens, reading);
}

function knows(prepared: Prepared, command: string): boolean {
  for (const e of prepared.commandNames.values()) if (e.command === command) return true;
  return false;
}

function exactCommand(clean: string, prepared: Prepared): Intent | null {
  const trimmed = trimTrailing(clean);
  const tokens = words(trimmed);
  if (!tokens.length) return null;
  // longest name first, as the router does ("wie ben ik" before anything, "rol weg" before "rol")
  for (let n = Math.min(3, tokens.length); n >= 1; n--) {
    const hit = prepared.commandNames.get(tokens.slice(0, n).join(' '));
    if (!hit) continue;
    // the typed name must be the text's first words as written, not a fragment ("FTO-4GW" is not "fto")
    if (!startsWithWords(trimmed, n)) continue;
    if (hit.command === prepared.helpCommand) {
      const about = howToTopic(tokens.slice(n), { afterHelp: true });
      return about && knows(prepared, about) ? { kind: 'howTo', command: about } : { kind: 'help' };
    }
    // a trailing "?" after a command with arguments is part of them ("peiling Gaan we ...?")
    return { kind: 'command', text: tokens.length > n ? clean : trimmed };
  }
  return null;
}

/** True when the first n folded words are whole whitespace-separated words of the text. */
function startsWithWords(text: string, n: number): boolean {
  const raw = text.split(' ');
  return words(raw.slice(0, n).join(' ')).length === n && raw.slice(0, n).every((w) => /^[\p{L}\p{N}'’]+[.,!?:;]*$/u.test(w));
}

function firstWords(text: string, n: number): string {
  return text.split(' ').slice(0, n).join(' ').replace(/[.,!?:;]+$/, '');
}

function dropWords(text: string, n: number): string {
  return text.split(' ').slice(n).join(' ').replace(/^[\s.,!?:;]+/, '').trim();
}

function isMapTerm(word: string, vocabulary: LookupVocabulary | undefined): boolean {
  return Boolean(vocabulary && vocabulary.read(word).exactTerms > 0);
}

function readsLikeSentence(text: string, tokens: readonly string[]): boolean {
  return /\?\s*$/.test(text) || (tokens.length >= 2 && tokens.some((t) => SENTENCE_WORDS.has(t)));
}

function lookupOrOther(text: string, tokens: readonly string[], reading: LookupReading | undefined): Intent {
  const sentence = readsLikeSentence(text, tokens);
  if (reading && reading.exactTerms > 0) return { kind: 'lookup', text, sentence };
  if (!sentence && (reading?.correctedTerms ?? 0) > 0) return { kind: 'lookup', text, sentence };
  if (!sentence && tokens.length <= LOOKUP_MAX_PLAIN_WORDS) return { kind: 'lookup', text, sentence };
  // a sentence (or a long text) goes to the map only when each of its content words is in it somewhere
  // ("het nummer van Anna de Vries"); "wat vind jij van de nieuwe cao?" has a word no partner has
  const content = reading ? reading.freeWords.filter((w) => !SENTENCE_WORDS.has(w) && !/^\d+$/.test(w)) : [];
  if (reading && content.length > 0 && content.every((w) => reading.isKnownWord(w))) return { kind: 'lookup', text, sentence };
  return { kind: 'other' };
}
