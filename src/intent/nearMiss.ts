/**
 * Slips of a command name: a dropped letter ("agnda"), a doubled one ("verslagg"), two swapped ("paln"),
 * one wrong ("annuler"). Levenshtein (fastest-levenshtein) counts a swap as two edits, so a swap of
 * neighbours is recognised on its own, as one slip.
 */
import { distance } from 'fastest-levenshtein';
import { isTransposition } from './text';
import type { CommandVocabulary } from './types';

/**
 * Slips allowed for a name of this length: none below 4 letters ("rol" vs "rok", "?" ...), one up to 7,
 * two from 8 ("presentielst", "gecontroleert").
 */
export function slipsAllowed(nameLength: number): number {
  if (nameLength < 4) return 0;
  return nameLength >= 8 ? 2 : 1;
}

/**
 * A name under 4 letters ("rol") has too many neighbours for edit distance ("rok", "rot"), but two slips
 * are unmistakable when arguments follow: a doubled letter ("rool coordinator …") or two swapped ("rlo …").
 */
function shortNameSlip(typed: string, name: string, hasArgs: boolean): boolean {
  if (!hasArgs || name.length >= 4 || name.length < 3 || name.includes(' ')) return false;
  if (isTransposition(typed, name)) return true;
  if (typed.length !== name.length + 1) return false;
  for (let i = 1; i < typed.length; i++) if (typed[i] === typed[i - 1] && typed.slice(0, i) + typed.slice(i + 1) === name) return true;
  return false;
}

export interface NearMiss {
  command: string;
  /** the command name the slip is closest to (may be an alias: "poll", "verplaats") */
  name: string;
  /** how many words of the message the slipped name took ("sluit peilng 2" → 2) */
  words: number;
}

/** The command whose name the first word(s) of `tokens` nearly are, or null. Exact names are not slips. */
export function nearMissOf(tokens: readonly string[], commands: CommandVocabulary): NearMiss | null {
  let best: (NearMiss & { slips: number; longer: boolean }) | null = null;
  let exactWords = 0;
  // the first n typed words joined, built once per n: this runs over every command name on every message
  const typedOf: string[] = [];
  for (const { name, command } of commands.entries) {
    const nameWords = wordCount(name);
    if (tokens.length < nameWords) continue;
    const typed = (typedOf[nameWords] ??= tokens.slice(0, nameWords).join(' '));
    if (typed === name) {
      exactWords = Math.max(exactWords, nameWords); // an exact name is the router's, not a slip ...
      continue;
    }
    const short = shortNameSlip(typed, name, tokens.length > nameWords);
    if (short) {
      if (!best || best.slips > 1) best = { command, name, words: nameWords, slips: 1, longer: true };
      continue;
    }
    const allowed = slipsAllowed(name.length);
    if (!allowed || typed.length < 3) continue;
    // a two-slip reading needs a long typed word too: "wijkgroep" is a word of its own, close to "wijkgroepen"
    const slips = isTransposition(typed, name) ? 1 : Math.abs(typed.length - name.length) > allowed ? Infinity : distance(typed, name);
    if (slips > allowed || (slips === 2 && typed.length < 7)) continue;
    // prefer fewer slips, then more words ("sluit peilng" over "peilng"), then a name at least as long as
    // the typed word (letters are dropped more often than added: "peilingn" is "peilingen")
    const longer = name.length >= typed.length;
    if (!best || slips < best.slips || (slips === best.slips && (nameWords > best.words || (nameWords === best.words && longer && !best.longer)))) {
      best = { command, name, words: nameWords, slips, longer };
    }
  }
  // ... unless a longer name was slipped: "rol wge" is "rol weg", not the role "wge"
  return best && best.words > exactWords ? { command: best.command, name: best.name, words: best.words } : null;
}

/** Words in a command name (single spaces: the names are folded), without splitting it. */
function wordCount(name: string): number {
  let n = 1;
  for (let at = name.indexOf(' '); at >= 0; at = name.indexOf(' ', at + 1)) n++;
  return n;
}
