/**
 * A LookupQuery that came back from a card button ("Ook in de buurwijken: 12 resultaten"). Card data is
 * user-controlled input: only known codes and bounded strings survive, and `understood` is regenerated.
 * "In mijn wijk" arrives already resolved to wijken (the widened query was made from a resolved one).
 */
import { DomainError } from '../errors';
import { getDiscipline } from './disciplines';
import { describeLookupQuery, emptyLookupQuery, type LookupQuery } from './queryParser';
import { PARTNER_LIMITS, WEEKDAYS, type Weekday } from './types';
import { getWijk } from './wijken';

const MAX_ITEMS = 20;
const MAX_TERM = 60;

export function queryFromJson(json: string): LookupQuery {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new DomainError('common.badCardData', { reason: 'query' });
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new DomainError('common.badCardData', { reason: 'query' });
  const r = raw as Record<string, unknown>;
  const areas = (r.areas && typeof r.areas === 'object' ? r.areas : {}) as Record<string, unknown>;
  const q: LookupQuery = {
    ...emptyLookupQuery(),
    disciplines: strings(r.disciplines).filter((c) => getDiscipline(c)),
    expertise: strings(r.expertise),
    areas: {
      wijken: strings(areas.wijken).filter((w) => getWijk(w)),
      postcodePrefixes: strings(areas.postcodePrefixes).filter((p) => /^[1-9][0-9]{3}([A-Z]{2})?$/.test(p)),
    },
    weekdays: strings(r.weekdays).filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d)),
    excludeIntakeStop: r.excludeIntakeStop === true,
    maxWaitWeeks: Number.isInteger(r.maxWaitWeeks) && (r.maxWaitWeeks as number) >= 0 && (r.maxWaitWeeks as number) <= PARTNER_LIMITS.waitWeeksMax ? (r.maxWaitWeeks as number) : null,
    freeText: strings(r.freeText),
    words: strings(r.words),
  };
  q.understood = describeLookupQuery(q);
  return q;
}

function strings(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return [...new Set(v.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length <= MAX_TERM))].slice(0, MAX_ITEMS);
}
