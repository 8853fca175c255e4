/**
 * Labelled query sets for the sociale kaart (test/fixtures/socialMap/*.queries.json): a map written the way
 * a coordinator writes one, and queries a GP types with the partners that are a right first answer.
 * Used by the accuracy floor test and by `npm run bench` (top-1 and top-3 per set). A set marked
 * `heldOut` was written before any tuning and is never tuned on: its figure is the honest one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parsePartnerCsv } from '../../src/features/socialMap/csvFormat';
import { lookupIn, parseFor } from '../../src/features/socialMap/lookup';
import { SocialMapIndex } from '../../src/features/socialMap/searchIndex';
import type { Partner } from '../../src/features/socialMap/types';

const DIR = path.resolve(__dirname, '../fixtures/socialMap');

export interface LabelledQuery {
  q: string;
  /** Names of the partners that are a right first answer; empty: the right answer is "nothing found". */
  expect: string[];
  /** Wijk code of the asking GP's wijkgroep ("in mijn wijk"). */
  asker?: string;
}

export interface QuerySet {
  name: string;
  map: string;
  today: string;
  heldOut: boolean;
  queries: LabelledQuery[];
}

export interface Miss {
  q: string;
  expected: string[];
  got: string[];
}

export interface Accuracy {
  set: string;
  heldOut: boolean;
  queries: number;
  top1: number;
  top3: number;
  misses: Miss[];
}

export const QUERY_SETS = ['tuning-stad', 'heldout-zuid'] as const;

export function loadQuerySet(name: string): { set: QuerySet; partners: Partner[] } {
  const raw = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.queries.json`), 'utf8')) as Omit<QuerySet, 'name'>;
  const parsed = parsePartnerCsv(fs.readFileSync(path.join(DIR, raw.map), 'utf8'), { today: raw.today });
  if (!parsed.ok) throw new Error(`${raw.map} does not import: ${parsed.errors.map((e) => `line ${e.line} ${e.column}: ${e.reason}`).join('; ')}`);
  const partners = parsed.rows.map((p, i) => ({ ...p, id: `${name}-${i + 1}` }));
  return { set: { ...raw, name }, partners };
}

/** Top-1: the first result is a right answer. Top-3: one of the first three is. "Nothing found" is right only when expected. */
export function evaluate(set: QuerySet, partners: Partner[]): Accuracy {
  const index = new SocialMapIndex(partners);
  let top1 = 0;
  let top3 = 0;
  const misses: Miss[] = [];
  for (const item of set.queries) {
    const query = parseFor(index, item.q, { askerWijken: item.asker ? [item.asker] : [] });
    const got = lookupIn(index, query, { today: set.today, askerWijken: item.asker ? [item.asker] : [] }, { limit: 3 }).results.map((h) => h.partner.name);
    const right = item.expect.length === 0 ? got.length === 0 : item.expect.includes(got[0] ?? '');
    const near = item.expect.length === 0 ? right : got.slice(0, 3).some((n) => item.expect.includes(n));
    if (right) top1++;
    if (near) top3++;
    if (!right) misses.push({ q: item.q, expected: item.expect, got });
  }
  const n = set.queries.length;
  return { set: set.name, heldOut: set.heldOut, queries: n, top1: top1 / n, top3: top3 / n, misses };
}
