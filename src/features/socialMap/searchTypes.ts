/** What a social-map search returns: hits with what matched, and ways to widen a search that found nothing. */
import type { LookupQuery } from './queryParser';
import type { Partner, Weekday } from './types';

export interface SearchOptions {
  /** YYYY-MM-DD in Amsterdam; decides whether an intake stop with an end date is still active. */
  today: string;
  offset?: number;
  limit?: number;
}

export type AreaMatch = 'wijk' | 'postcodeArea' | 'address';

export interface SearchMatch {
  disciplines: string[];
  /**
   * The partner has exactly the asked discipline, or is a specialist whose specialisation is the asked
   * expertise (a bekkenfysiotherapeut for "fysio bekkenbodem"); false for "some specialisation of it".
   */
  disciplineExact: boolean;
  expertise: string[];
  wijken: string[];
  postcodes: string[];
  areaMatch: AreaMatch | null;
  weekdays: Weekday[];
  freeText: string[];
  /** The typed words are the partner's name, its organisation, or all in them (ranked first). */
  name: 'exact' | 'organisation' | 'allWords' | null;
}

export interface SearchHit {
  partner: Partner;
  score: number;
  matched: SearchMatch;
  intakeStopActive: boolean;
}

export type WidenKind =
  | 'dropWeekday'
  | 'neighbouringWijken'
  | 'dropArea'
  | 'parentDiscipline'
  | 'dropExpertise'
  | 'dropWaitLimit'
  | 'includeIntakeStop'
  | 'dropFreeText'
  | 'disciplineOnly'
  | 'rephrase';

export interface WidenSuggestion {
  kind: WidenKind;
  /** The widened query, ready to run again; `understood` is regenerated. */
  query: LookupQuery;
  total: number;
  messageKey: string;
  params: Record<string, string | number>;
}

export interface SearchResult {
  total: number;
  results: SearchHit[];
  /** Free-text words that match nothing on the map (no name, organisation, street or place): "niet begrepen". */
  unmatched: string[];
  /** Only when total is 0: ways to widen the search, each with its own hit count, most specific first. */
  noResults?: { messageKey: string; suggestions: WidenSuggestion[] };
}

// Scores are coarse on purpose: equal relevance must really tie, so that "intake stop below otherwise-equal
