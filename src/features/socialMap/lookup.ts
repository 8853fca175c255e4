/**
 * A lookup as the bot does it, without Teams or the database: the GP's text, read with what this map
 * holds (its tags, its care types, the words of its names and streets), searched in the index. The
 * service, the labelled query sets and the benchmark all go through here, so what is measured is what
 * GPs get.
 */
import { describeLookupQuery, parseLookupQuery, type LookupQuery } from './queryParser';
import type { SocialMapIndex } from './searchIndex';
import type { SearchResult } from './searchTypes';

export interface LookupContext {
  /** YYYY-MM-DD in Amsterdam (intake stops end on a day). */
  today: string;
  /** The wijken of the asker's own wijkgroep(s), for "bij mij in de buurt" / "in mijn wijk". */
  askerWijken?: readonly string[];
}

/** The text as a query for this map; "bij mij in de buurt" becomes the asker's own wijk(en) when known. */
export function parseFor(index: SocialMapIndex, text: string, ctx: Pick<LookupContext, 'askerWijken'> = {}): LookupQuery {
  const q = parseLookupQuery(text, { expertiseVocabulary: index.expertiseVocabulary(), knownWord: (w) => index.hasWord(w) });
  return resolveNearMe(q, ctx.askerWijken ?? []);
}

/** "In mijn wijk" → the asker's wijken as the area (said as "wijk: Oost"); unknown → said so, searched everywhere. */
export function resolveNearMe(q: LookupQuery, askerWijken: readonly string[]): LookupQuery {
  if (!q.nearMe || !askerWijken.length) return q;
  const wijken = [...new Set([...q.areas.wijken, ...askerWijken])];
  const resolved: LookupQuery = { ...q, nearMe: false, areas: { ...q.areas, wijken } };
  return { ...resolved, understood: [...describeLookupQuery(resolved), ...resolved.corrections] };
}

export function lookupIn(index: SocialMapIndex, query: LookupQuery, ctx: LookupContext, page: { offset?: number; limit?: number } = {}): SearchResult {
  return index.search(query, { today: ctx.today, offset: page.offset, limit: page.limit });
}
