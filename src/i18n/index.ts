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
  const parts = template.includes(', plural, ') ? splitAtPlaceholders(fillPlurals(template, params)) : partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const v = params[parts[i]!];
    out += (v === undefined || v === null ? '' : String(v)) + parts[i + 1]!;
  }
  return out;
}

/**
 * Each catalogue text split once at its placeholders: ["Gecontroleerd op ", "date", " door ", "by", ""]
 * (text, name, text, …). A results card fills ~40 texts, and a regex replace with a callback for each was
 * the largest part of rendering one. Keyed by the text itself, so the map holds at most the catalogue's
 * texts (texts with plurals are split after their branch is chosen, and not kept).
 */
const splitTexts = new Map<string, readonly string[]>();

function partsOf(template: string): readonly string[] {
  let parts = splitTexts.get(template);
  if (parts === undefined) {
    parts = splitAtPlaceholders(template);
    splitTexts.set(template, parts);
  }
  return parts;
}

function splitAtPlaceholders(text: string): readonly string[] {
  return text.split(/\{(\w+)\}/);
}

export function hasMessage(code: string): boolean {
  return code in catalog;
}
