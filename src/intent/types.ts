/**
 * What a chat message means, decided before anything runs: a command, a slip of a command, a greeting,
 * a question about Wijkbot, or a lookup on the social map. Pure values: no Teams, no Prisma, no feature.
 */

export const INTENT_KINDS = ['command', 'nearMiss', 'greeting', 'thanks', 'smallTalk', 'help', 'howTo', 'lookup', 'other'] as const;
export type IntentKind = (typeof INTENT_KINDS)[number];

export type SmallTalkTopic = 'howAreYou' | 'bye' | 'wish' | 'ack' | 'laugh' | 'robot' | 'joke' | 'test';

export type Intent =
  /** run `text` as a command (the typed text, trailing punctuation trimmed: "wie ben ik?") */
  | { kind: 'command'; text: string }
  /** "agnda" → command 'agenda'; `args` are the words after the slip, as typed */
  | { kind: 'nearMiss'; command: string; typed: string; args: string }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'smallTalk'; topic: SmallTalkTopic }
  /** a question about Wijkbot itself: the help overview */
  | { kind: 'help' }
  /** "hoe werkt een peiling?": the help of one command, with an example */
  | { kind: 'howTo'; command: string }
  /** a social-map lookup; `sentence` when it reads like a sentence (then "nothing found" points to help) */
  | { kind: 'lookup'; text: string; sentence: boolean }
  /** not for Wijkbot (off-topic chat, a question it cannot answer): say so, point to help, search nothing */
  | { kind: 'other' };

/** The commands the bot has: every name, with the command's first (canonical) name. */
export interface CommandVocabulary {
  entries: readonly { name: string; command: string }[];
}

/**
 * The port through which the classifier learns what the social map understands. The social map feature
 * implements it (features/socialMap/vocabulary.ts) and the Teams layer hands it over, so this folder never
 * imports a feature.
 */
export interface LookupVocabulary {
  /** How the social map reads a text. */
  read(text: string): LookupReading;
}

export interface LookupReading {
  /** disciplines, expertise, wijken, postcodes and "zonder opnamestop" read exactly as typed */
  exactTerms: number;
  /** terms read only after correcting a typo or completing a word */
  correctedTerms: number;
  /** weekdays ("do" is also English "do": weak evidence) */
  weekdays: number;
  /** the words it did not understand: a lookup matches them against names, organisations and addresses */
  freeWords: readonly string[];
  /** whether some partner's name, organisation or address has a word starting with `word` (on demand) */
  isKnownWord(word: string): boolean;
}
