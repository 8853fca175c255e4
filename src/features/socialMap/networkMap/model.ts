/**
 * The netwerkkaart as data: which chain partners a wijk has, grouped by discipline, with what a GP must see
 * at a glance (intake stop, entries not checked for long, how the partner wants to be reached).
 * Pure: no Teams, no database, no drawing. `layout.ts` turns this into a picture.
 *
 * Which partners: those that serve the wijk by the social map's documented rule (`servedWijken`: their
 * wijken, their postcode areas and their own address), the same partners a lookup "… Oost" can find.
 * Grouping: by top-level discipline, so a bekkenfysiotherapeut sits with Fysiotherapie (the specialisation
 * is shown on the entry); a discipline outside the built-in list is its own group under its own label.
 */
import { DISCIPLINES, disciplineAncestors } from '../disciplines';
import { isStale90 } from '../freshness';
import { amsterdamToday, instantToDate } from '../formats';
import { servedWijken } from '../service';
import type { CommunicationChannel, Partner } from '../types';

export interface NetworkMapEntry {
  id: string;
  name: string;
  organisation: string | null;
  /** the partner's own discipline code (may be a specialisation of the cluster's) */
  discipline: string;
  /** intake stop in force today; `until` YYYY-MM-DD inclusive, null = until further notice */
  intakeStop: { until: string | null } | null;
  /** never checked, or last checked more than 90 days ago (the same flag as on result cards) */
  stale: boolean;
  /** YYYY-MM-DD in Amsterdam, or null when never checked */
  lastChecked: string | null;
  /** preferred way to be reached (first of the partner's list), null when none given */
  contact: CommunicationChannel | null;
  phone: string | null;
}

export interface NetworkMapCluster {
  /** top-level discipline code, or an unknown code as typed */
  discipline: string;
  entries: NetworkMapEntry[];
  intakeStops: number;
  stale: number;
}

/** Whose map it is: a wijkgroep (named as the group is named) or a wijk without a group. */
export interface NetworkMapSubject {
  kind: 'group' | 'wijk';
  name: string;
  /** wijk codes the map covers (one for a wijkgroep like Oost; several for e.g. "stadsdeel Oost") */
  wijken: string[];
}

export interface NetworkMapModel {
  subject: NetworkMapSubject;
  /** when it was made, and that day in Amsterdam (YYYY-MM-DD) */
  madeAt: Date;
  madeOn: string;
  clusters: NetworkMapCluster[];
  total: number;
  intakeStops: number;
  stale: number;
}

const ROOT_ORDER = new Map(DISCIPLINES.filter((d) => d.parent === null).map((d, i) => [d.code, i]));

export function rootDiscipline(code: string): string {
  const chain = disciplineAncestors(code);
  return chain.length ? chain[chain.length - 1]! : code;
}

/** Partners that serve at least one of `wijken`. */
export function partnersServing(partners: Iterable<Partner>, wijken: readonly string[]): Partner[] {
  const out: Partner[] = [];
  for (const p of partners) {
    const served = servedWijken(p);
    if (wijken.some((w) => served.has(w))) out.push(p);
  }
  return out;
}

const byName = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

export function buildNetworkMap(partners: Iterable<Partner>, subject: NetworkMapSubject, now: Date): NetworkMapModel {
  const today = amsterdamToday(now);
  const groups = new Map<string, NetworkMapEntry[]>();
  for (const p of partnersServing(partners, subject.wijken)) {
    const stop = p.intakeStop.active && (p.intakeStop.until === null || p.intakeStop.until >= today);
    const entry: NetworkMapEntry = {
      id: p.id,
      name: p.name,
      organisation: p.organisation && p.organisation !== p.name ? p.organisation : null,
      discipline: p.discipline,
      intakeStop: stop ? { until: p.intakeStop.until } : null,
      stale: isStale90(p.lastCheckedAt, now),
      lastChecked: p.lastCheckedAt ? instantToDate(p.lastCheckedAt) : null,
      contact: p.communication[0] ?? null,
      phone: p.phone,
    };
    const root = rootDiscipline(p.discipline);
    const list = groups.get(root);
    if (list) list.push(entry);
    else groups.set(root, [entry]);
  }
  const clusters: NetworkMapCluster[] = [...groups.entries()]
    .map(([discipline, entries]) => ({
      discipline,
      entries: entries.sort((a, b) => byName.compare(a.name, b.name) || byName.compare(a.organisation ?? '', b.organisation ?? '') || (a.id < b.id ? -1 : 1)),
      intakeStops: entries.filter((e) => e.intakeStop).length,
      stale: entries.filter((e) => e.stale).length,
    }))
    .sort((a, b) => (ROOT_ORDER.get(a.discipline) ?? 1_000) - (ROOT_ORDER.get(b.discipline) ?? 1_000) || byName.compare(a.discipline, b.discipline));
  return {
    subject,
    madeAt: now,
    madeOn: today,
    clusters,
    total: clusters.reduce((n, c) => n + c.entries.length, 0),
    intakeStops: clusters.reduce((n, c) => n + c.intakeStops, 0),
    stale: clusters.reduce((n, c) => n + c.stale, 0),
  };
}
