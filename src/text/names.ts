/**
 * Names of people and wijkgroepen as Wijkbot shows them on cards, in lists and in exports. A name is text
 * someone else reads as a label, so it must look like what it is: no control characters (a BEL, a line
 * break inside a name) and no bidirectional overrides, embeddings, isolates or marks, which reorder what
 * follows them: "Oost\u202Egnikcah" displays as "Oosthacking" (spoofing).
 *
 * Names from a roster file are checked and refused with a reason (the coordinator can fix the file);
 * display names from Teams cannot be refused (the person did not type them for us), so they are cleaned.
 */
import { normaliseText } from './normalise';

/** Entra ID's own maximum for a display name; also the bound for names in a roster file. */
export const PERSON_NAME_MAX = 256;
/** A wijkgroep's name is a short label ("Oost-Watergraafsmeer"). */
export const GROUP_NAME_MAX = 100;

/** C0 and C1 control characters, DEL included. */
const CONTROL = /\p{Cc}/u;
/** Bidi embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and marks (U+200E, U+200F, U+061C). */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

export type NameProblem = 'empty' | 'tooLong' | 'control' | 'bidi';

/** What is wrong with a name from a file, or null; the caller names the line and says it in Dutch. */
export function nameProblem(name: string, max: number): NameProblem | null {
  if (!name.trim()) return 'empty';
  if (CONTROL.test(name)) return 'control';
  if (BIDI.test(name)) return 'bidi';
  if (name.length > max) return 'tooLong';
  return null;
}

/**
 * A name that passed nameProblem, in the form Wijkbot stores: normalised (normalise.ts: also invisible
 * zero-width characters and soft hyphens go) with single spaces.
 */
export function cleanName(name: string): string {
  return normaliseText(name).replace(/\s+/g, ' ').trim();
}

/**
 * A display name that arrived from Teams, safe to show: control and bidi characters (and the other
 * invisible format characters) removed, spaces collapsed, cut to PERSON_NAME_MAX. Not a string: ''.
 */
export function displayName(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const cleaned = cleanName(raw.replace(/\p{Cc}/gu, ' '));
  return Array.from(cleaned).slice(0, PERSON_NAME_MAX).join('');
}
