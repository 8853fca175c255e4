/**
 * Whose netwerkkaart: "netwerkkaart Oost" names a wijkgroep (its name read as a wijk, the social map's
 * documented rule) or a wijk or neighbourhood of the social map ("Indische Buurt" → Oost). A wijk that
 * exactly one wijkgroep covers is shown as that group's map. The groups come in through a port, so this
 * stays free of the groups feature and the database.
 */
import { DomainError } from '../../errors';
import { getWijk, resolveWijk, suggestWijk, wijkName } from '../wijken';
import type { NetworkMapSubject } from './model';

export interface GroupRef {
  name: string;
  slug: string;
}

/** The wijkgroepen, as the caller can read them. */
export interface GroupDirectory {
  all(): Promise<GroupRef[]>;
  /** a group by what a person typed (exact slug or a unique prefix), else a close name to suggest */
  find(text: string): Promise<{ group: GroupRef } | { suggestion: string | null }>;
}

export interface ResolvedSubject extends NetworkMapSubject {
  /** how links name this map (see link.ts) */
  ref: string;
}

function wijkenOfGroup(g: GroupRef): string[] | null {
  return resolveWijk(g.name) ?? resolveWijk(g.slug);
}

export function groupSubject(g: GroupRef): ResolvedSubject {
  const wijken = wijkenOfGroup(g);
  if (!wijken) throw new DomainError('networkMap.groupWithoutWijk', { name: g.name });
  return { kind: 'group', name: g.name, wijken, ref: `g.${g.slug}` };
}

async function wijkSubject(codes: string[], groups: GroupDirectory): Promise<ResolvedSubject> {
  const sorted = [...new Set(codes)].sort();
  if (sorted.length === 1) {
    const owners = (await groups.all()).filter((g) => {
      const w = wijkenOfGroup(g);
      return w !== null && w.length === 1 && w[0] === sorted[0];
    });
    if (owners.length === 1) return groupSubject(owners[0]!);
  }
  return { kind: 'wijk', name: sorted.map(wijkName).join(', '), wijken: sorted, ref: `w.${sorted.join('.')}` };
}

/** What a person typed after "netwerkkaart" (not empty) → the map, or a DomainError that says what is known. */
export async function resolveSubject(text: string, groups: GroupDirectory): Promise<ResolvedSubject> {
  const typed = text.trim().slice(0, 80);
  const found = await groups.find(typed);
  if ('group' in found) return groupSubject(found.group);
  const wijken = resolveWijk(typed);
  if (wijken) return wijkSubject(wijken, groups);
  const suggestion = found.suggestion ?? suggestWijk(typed, true)?.map(wijkName).join(', ') ?? null;
  throw new DomainError(suggestion ? 'networkMap.unknownWijkSuggest' : 'networkMap.unknownWijk', { name: typed, suggestion: suggestion ?? '' });
}

/** A map reference from a link or a card button → the map, or null when it names nothing (any more). */
export async function subjectFromRef(ref: string, groups: GroupDirectory): Promise<ResolvedSubject | null> {
  if (ref.startsWith('g.')) {
    const g = (await groups.all()).find((x) => x.slug === ref.slice(2));
    if (!g || !wijkenOfGroup(g)) return null;
    return groupSubject(g);
  }
  if (ref.startsWith('w.')) {
    const codes = ref.slice(2).split('.');
    if (!codes.length || codes.some((c) => !getWijk(c))) return null;
    return wijkSubject(codes, groups);
  }
  return null;
}
