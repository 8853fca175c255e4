/**
 * Ways to widen a search that found nothing, each offered only when it finds something (with its count),
 * most specific first: drop the weekday, neighbouring wijken, anywhere, the parent discipline, …
 */
import { disciplineAncestors, getDiscipline } from './disciplines';
import { describeLookupQuery, emptyLookupQuery, isEmptyLookupQuery, type LookupQuery } from './queryParser';
import type { WidenKind, WidenSuggestion } from './searchTypes';
import { neighboursOf, wijkForPc4, wijkName } from './wijken';

export function widenSuggestions(q: LookupQuery, today: string, count: (query: LookupQuery, today: string) => number): WidenSuggestion[] {
  const out: WidenSuggestion[] = [];
  const offer = (kind: WidenKind, changed: Partial<LookupQuery>, params: Record<string, string | number> = {}): void => {
    const query = withUnderstood({ ...q, ...changed });
    const total = count(query, today);
    if (total > 0) out.push({ kind, query, total, messageKey: `socialMap.widen.${kind}`, params: { ...params, count: total } });
  };

  if (q.weekdays.length) offer('dropWeekday', { weekdays: [] });

  const hasArea = q.areas.wijken.length > 0 || q.areas.postcodePrefixes.length > 0;
  if (hasArea) {
    const base = new Set(q.areas.wijken);
    for (const p of q.areas.postcodePrefixes) {
      const w = wijkForPc4(p.slice(0, 4));
      if (w) base.add(w);
    }
    const widened = new Set(base);
    for (const w of base) for (const nb of neighboursOf(w)) widened.add(nb);
    const added = [...widened].filter((w) => !q.areas.wijken.includes(w));
    if (added.length) {
      offer('neighbouringWijken', { areas: { wijken: [...widened], postcodePrefixes: [] } }, { value: added.map(wijkName).join(', ') });
    }
    offer('dropArea', { areas: { wijken: [], postcodePrefixes: [] } });
  }

  const roots = q.disciplines.map((c) => disciplineAncestors(c).at(-1) ?? c);
  if (roots.some((r, i) => r !== q.disciplines[i])) {
    const unique = [...new Set(roots)];
    offer('parentDiscipline', { disciplines: unique }, { value: unique.map((c) => getDiscipline(c)?.nl.toLowerCase() ?? c).join(', ') });
  }
  if (q.expertise.length) offer('dropExpertise', { expertise: [] }, { value: q.expertise.join(', ') });
  if (q.maxWaitWeeks !== null) offer('dropWaitLimit', { maxWaitWeeks: null }, { value: q.maxWaitWeeks });
  if (q.excludeIntakeStop) offer('includeIntakeStop', { excludeIntakeStop: false });
  const withoutFree = { ...q, freeText: [] };
  if (q.freeText.length && !isEmptyLookupQuery(withoutFree)) offer('dropFreeText', { freeText: [], words: [] }, { value: q.freeText.join(' ') });

  // Each single step found nothing: fall back to just the (unspecialised) discipline, anywhere.
  if (out.length === 0 && q.disciplines.length) {
    const unique = [...new Set(roots)];
    const only = { ...emptyLookupQuery(), disciplines: unique };
    if (!sameQuery(only, q)) offer('disciplineOnly', only, { value: unique.map((c) => getDiscipline(c)?.nl.toLowerCase() ?? c).join(', ') });
  }
  if (out.length === 0) out.push({ kind: 'rephrase', query: q, total: 0, messageKey: 'socialMap.widen.rephrase', params: {} });
  return out;
}

function sameQuery(a: LookupQuery, b: LookupQuery): boolean {
  const strip = (q: LookupQuery): string => JSON.stringify({ ...q, understood: [] });
  return strip(a) === strip(b);
}

function withUnderstood(q: LookupQuery): LookupQuery {
  return { ...q, understood: describeLookupQuery(q) };
}
