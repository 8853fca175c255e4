/**
 * Greetings, thanks and small talk: whole messages made of a few known phrases ("hoi", "top, bedankt",
 * "hoe gaat het met je?"), Dutch and English. A message with anything else in it is not small talk: "hoi,
 * fysio Oost" is a lookup with a greeting in front (see leadingGreeting).
 */
import { distance } from 'fastest-levenshtein';
import type { SmallTalkTopic } from './types';

const GREETING_WORDS = new Set([
  'hoi', 'hallo', 'hello', 'hey', 'hee', 'hei', 'hi', 'hai', 'hoihoi', 'yo', 'hallootjes', 'goedemorgen', 'goedemiddag', 'goedenavond',
  'goeiemorgen', 'goeiemiddag', 'goeienavond', 'goedendag', 'morgen', 'middag', 'dag', 'moi', 'heey', 'hej',
]);
const GREETING_PHRASES = ['good morning', 'good afternoon', 'good evening', 'goede morgen', 'goede middag', 'goeden avond', 'goede avond'];

/** Words that may stand next to a greeting or thanks without making it something else. */
const ADDRESS_WORDS = new Set(['wijkbot', 'bot', 'daar', 'there', 'allemaal', 'iedereen', 'all', 'everyone', 'nog', 'weer', 'hoor', 'zeg', 'even']);

const THANKS_WORDS = new Set(['dank', 'bedankt', 'dankje', 'dankjewel', 'dankuwel', 'thanks', 'thank', 'thx', 'tnx', 'thnx', 'merci', 'ty', 'danku', 'bedankd']);
/** Words that often come with thanks: "top, bedankt", "dank u wel voor de informatie", "thank you so much". */
const THANKS_COMPANIONS = new Set([
  'je', 'u', 'jij', 'jou', 'wel', 'you', 'so', 'very', 'much', 'many', 'a', 'lot', 'heel', 'erg', 'hartelijk', 'hartstikke', 'super',
  'top', 'fijn', 'mooi', 'prima', 'geweldig', 'great', 'perfect', 'ok', 'oke', 'okay', 'voor', 'de', 'het', 'hulp', 'informatie',
  'info', 'antwoord', 'moeite', 'for', 'the', 'help', 'your', 'alvast', 'nogmaals', 'again', 'veel', 'zeer', 'duizendmaal', 'vriendelijk',
]);

const SMALL_TALK: readonly { topic: SmallTalkTopic; patterns: RegExp[] }[] = [
  {
    topic: 'howAreYou',
    patterns: [
      /^(en )?hoe (gaat|is) (het|t)( ermee| met (je|jou|u|jullie))?( vandaag)?$/,
      /^alles (goed|ok|oke|prima|lekker)( met (je|jou|u))?( daar)?$/,
      /^how are (you|u)( doing| today)?$/,
      /^how is it going$/, /^hows it going$/, /^whats up$/, /^sup$/,
    ],
  },
  {
    topic: 'bye',
    patterns: [/^(tot )?(ziens|straks|later|morgen|zo)$/, /^(doei|doeg|dag dag|daag|houdoe|bye|bye bye|goodbye|see you|cya|later|slaap lekker|welterusten)$/],
  },
  {
    topic: 'wish',
    patterns: [/^(fijne|prettige|goede|fijn|prettig|leuke|leuk|mooie) (dag|avond|middag|weekend|week|vakantie|dienst)( nog| verder| allemaal)?$/, /^(have a )?(nice|good|great) (day|weekend|evening)$/],
  },
  {
    topic: 'ack',
    patterns: [/^(ok|oke|okay|okido|okidoki|prima|top|super|mooi|fijn|cool|goed|goed zo|helder|duidelijk|ja|nee|nou|klopt|check|begrepen|got it|nice|great|perfect|yes|no|yep|nope|alright)$/],
  },
  { topic: 'laugh', patterns: [/^(ha){2,}h?$/, /^(he){2,}h?$/, /^(hi){2,}h?$/, /^(lol|lmao|rofl|grappig|funny)$/] },
  {
    topic: 'robot',
    patterns: [/^(ben|bent) (je|jij|u) (een )?(robot|bot|mens|computer|echt|ai|chatbot|er|daar|wakker)$/, /^are (you|u) (a )?(robot|bot|human|real|there|awake)$/, /^(is )?(er )?iemand (daar|thuis)$/],
  },
  { topic: 'joke', patterns: [/^(vertel|weet je|ken je)( eens| mij| me)*( een)? (mop|grap|grapje)$/, /^(tell|give) me a joke$/, /^(say something funny|make me laugh)$/] },
  { topic: 'test', patterns: [/^(test|testing|testje|test test|proef|probeer|1 2 3|123)$/] },
];

export type SocialKind = { kind: 'greeting' } | { kind: 'thanks' } | { kind: 'smallTalk'; topic: SmallTalkTopic };

/** What a whole message of small talk is, or null. `tokens` are folded words. */
export function smallTalkOf(tokens: readonly string[]): SocialKind | null {
  if (!tokens.length) return null;
  const core = tokens.filter((w) => !ADDRESS_WORDS.has(w));
  if (core.length && core.length <= 3 && isGreeting(core)) return { kind: 'greeting' };
  if (core.some((w) => THANKS_WORDS.has(w) || nearThanks(w)) && core.length <= 8 && core.every((w) => THANKS_WORDS.has(w) || THANKS_COMPANIONS.has(w) || nearThanks(w))) {
    return { kind: 'thanks' };
  }
  const joined = core.join(' ');
  for (const { topic, patterns } of SMALL_TALK) if (patterns.some((p) => p.test(joined))) return { kind: 'smallTalk', topic };
  return null;
}

function isGreeting(core: readonly string[]): boolean {
  const joined = core.join(' ');
  if (GREETING_PHRASES.includes(joined)) return true;
  return core.every((w) => GREETING_WORDS.has(w) || nearGreeting(w));
}

/** "hallp", "goedemorgn": one slip in a long greeting word still greets (not in short ones: "hoi" ≈ "hoe"). */
function nearGreeting(word: string): boolean {
  if (word.length < 5) return false;
  for (const g of GREETING_WORDS) if (g.length >= 5 && distance(word, g) === 1) return true;
  return false;
}

function nearThanks(word: string): boolean {
  return word.length >= 6 && ['bedankt', 'dankjewel', 'dankuwel'].some((g) => distance(word, g) === 1);
}

/**
 * How many words at the start are a greeting ("hoi", "hallo wijkbot", "goedemorgen,"), so that the rest
 * ("hoi, fysio Oost") is read on its own.
 */
export function leadingGreeting(tokens: readonly string[]): number {
  let n = 0;
  while (n < tokens.length && (GREETING_WORDS.has(tokens[n]!) || (n > 0 && ADDRESS_WORDS.has(tokens[n]!)))) n++;
  // "dag" and "morgen" alone also mean "day" and "tomorrow": only a greeting when something else greets too
  if (n === 1 && (tokens[0] === 'dag' || tokens[0] === 'morgen' || tokens[0] === 'middag')) return 0;
  return n;
}
