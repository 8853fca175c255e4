import { Token, tokenize } from '../../dates/dutchWords';

/**
 * Finds the wijkgroep in a command. Coordinators write "Oost", "wijkgroep Oost" or "Wijkgroep oost"; the
 * database may hold "Oost" or "Wijkgroep Oost". Both sides drop the word "wijkgroep" before comparing.
 */

const GROUP_PREFIXES = new Set(['wijkgroep', 'huisartsenwijkgroep', 'groep', 'wijk']);

export interface GroupMatch {
  /** The name exactly as in ctx.groupNames; undefined when the prefix was followed by an unknown name. */
  groupName?: string;
  /** What the user typed after "wijkgroep" when it matched no group. */
  unknownName?: string;
  consumed: number;
  input: string;
}

interface GroupKey {
  name: string;
  words: string[];
}

export function groupKeys(groupNames: readonly string[]): GroupKey[] {
  return groupNames
    .map((name) => {
      const words = tokenize(name).flatMap((t) => splitHyphens(t.norm));
      while (words.length > 1 && GROUP_PREFIXES.has(words[0])) words.shift();
      return { name, words };
    })
    .filter((k) => k.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length); // longest first: "Nieuw West" before "Nieuw"
}

export function isGroupPrefix(token: Token | undefined): boolean {
  return token !== undefined && GROUP_PREFIXES.has(token.norm);
}

/** Matches "Oost", "wijkgroep Oost", "Nieuw-West"; `requirePrefix` for places where a bare name could be text. */
export function matchGroupAt(tokens: Token[], i: number, keys: GroupKey[], requirePrefix = false): GroupMatch | undefined {
  const hasPrefix = isGroupPrefix(tokens[i]) && tokens[i + 1] !== undefined;
  if (requirePrefix && !hasPrefix) return undefined;
  const at = hasPrefix ? i + 1 : i;
  for (const key of keys) {
    const used = tokensMatching(tokens, at, key.words);
    if (used > 0) {
      const consumed = at - i + used;
      return { groupName: key.name, consumed, input: raw(tokens, i, consumed) };
    }
  }
  if (hasPrefix && tokens[i].norm !== 'wijk') {
    return { unknownName: tokens[at].raw, consumed: 2, input: raw(tokens, i, 2) };
  }
  return undefined;
}

/** "Nieuw-West", "Nieuw West" and "nieuw-west" are one name: hyphens count as spaces. */
function splitHyphens(word: string): string[] {
  return word.split('-').filter((w) => w.length > 0);
}

/** How many tokens from `at` spell exactly `words` (ending on a token boundary); 0 if they do not. */
function tokensMatching(tokens: Token[], at: number, words: string[]): number {
  let w = 0;
  for (let t = at; t < tokens.length; t++) {
    for (const piece of splitHyphens(tokens[t].norm)) {
      if (piece !== words[w]) return 0;
      w += 1;
    }
    if (w === words.length) return t - at + 1;
    if (w > words.length) return 0;
  }
  return 0;
}

function raw(tokens: Token[], from: number, count: number): string {
  return tokens.slice(from, from + count).map((t) => t.raw).join(' ');
}

