/**
 * A lookup as the bot does it, without Teams or the database: the GP's text, read with what this map
 * holds (its tags, its care types), searched in the index. The service, the labelled query sets and the
 * benchmark all go through here, so what is measured is what GPs get.
 */
import { parseLookupQuery, type LookupQuery } from './queryParser';
import type { SocialMapIndex } from './searchIndex';
import type { SearchResult } from './searchTypes';

export interface LookupContext {
  /** YYYY-MM-DD in Amsterdam (intake stops end on a day). */
  today: string;
  /** The wijken of the asker's own wijkgroep(s), for "bij mij in de buurt" / "in mijn wijk". */
  askerWijken?: readonly string[];
}

export function parseFor(index: SocialMapIndex, text: string, _ctx: Pick<LookupContext, "askerWijken"> = {}): LookupQuery {
  return parseLookupQuery(text, { expertiseVocabulary: index.expertiseVocabulary() });
}

export function lookupIn(index: SocialMapIndex, query: LookupQuery, ctx: LookupContext, page: { offset?: number; limit?: number } = {}): SearchResult {
  return index.search(query, { today: ctx.today, offset: page.offset, limit: page.limit });
}
