/**
 * Every sentence a user reads, in Dutch (default) and English (when Teams says the user's locale is en).
 * Features keep their own catalogue in `features/<feature>/messages.ts`; catalog.ts merges them.
 * Placeholders are `{name}`: substituted as plain text, never evaluated.
 */
import type { Locale } from '../features/groups/types';
import { catalog } from './catalog';
import { fillPlurals } from './plural';
import type { Params } from './types';

export type { Messages, Params } from './types';

export function t(locale: Locale, code: string, params: Params = {}): string {
  const entry = catalog[code];
  if (!entry) return code; // a missing text shows its code rather than crashing; a unit test guards the catalogue
  return fill(entry[locale], params);
}

/** A template filled in: plurals first (see plural.ts), then `{name}` placeholders as plain text. */
export function fill(template: string, params: Params): string {
  return fillPlurals(template, params).replace(/\{(\w+)\}/g, (_m, key: string) => {
    const v = params[key];
    return v === undefined || v === null ? '' : String(v);
  });
}

export function hasMessage(code: string): boolean {
  return code in catalog;
}
