/**
 * The social map's own vocabulary, offered to whoever must decide whether a chat message is a lookup
 * (src/intent, through its LookupVocabulary port; the Teams layer connects the two). Reading a text here
 * is exactly what a lookup would do with it, so "is this a lookup?" and "what would it find?" agree.
 */
import { describeLookupQuery, emptyLookupQuery, type LookupQuery } from './queryParser';

export interface LookupReadingView {
  exactTerms: number;
  correctedTerms: number;
  weekdays: number;
  freeWords: readonly string[];
  isKnownWord(word: string): boolean;
}

export function lookupVocabularyOf(deps: { parse(text: string): LookupQuery; count(query: LookupQuery): number }): { read(text: string): LookupReadingView } {
  return {
    read(text) {
      const q = deps.parse(text);
      const terms = q.disciplines.length + q.expertise.length + q.areas.wijken.length + q.areas.postcodePrefixes.length + (q.excludeIntakeStop ? 1 : 0);
      // the parser appends one "read as" line per word it corrected or completed
      const corrected = Math.min(terms, Math.max(0, q.understood.length - describeLookupQuery(q).length));
      return {
        exactTerms: terms - corrected,
        correctedTerms: corrected,
        weekdays: q.weekdays.length,
        freeWords: q.freeText,
        isKnownWord: (word) => deps.count({ ...emptyLookupQuery(), freeText: [word] }) > 0,
      };
    },
  };
}
