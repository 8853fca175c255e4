/**
 * The privacy guard as a gate for any free text Wijkbot posts to a channel (verslagen, poll questions,
 * meeting themes, ...). `assertNoPatientData` throws a DomainError whose Dutch text lists exactly which
 * fragments to remove; a caller that lets a coordinator override a false positive passes
 * `override: true` after an explicit confirmation and records `findingKinds(...)` in the audit trail
 * (kinds only: the fragments themselves may be patient data, so they are never stored or logged).
 *
 * Show the error to the author only (a personal chat or the invoke answer of a card), never in a channel:
 * the message quotes the fragments.
 */
import { DomainError } from '../features/errors';
import { normaliseText } from '../text/normalise';
import { checkPrivacyOfFields, describeFindings, type FieldFinding, type Finding, type FindingKind } from './privacyGuard';

export const PRIVACY_BLOCKED = 'privacy.blocked';

/** What replaces a flagged fragment in a stored draft. The guard does not flag it. */
export const REDACTED = '[verwijderd]';

export interface GuardOptions {
  override?: boolean;
  /** "now" for the old-date rule (tests, the bot's clock) */
  referenceDate?: Date;
  locale?: 'nl' | 'en';
}

export function findPatientData(fields: Readonly<Record<string, string>>, referenceDate?: Date): FieldFinding[] {
  return checkPrivacyOfFields(fields, { referenceDate });
}

/** The distinct kinds of the findings, sorted: what the audit trail may hold. */
export function findingKinds(findings: readonly Finding[]): FindingKind[] {
  return [...new Set(findings.map((f) => f.kind))].sort();
}

/** Throws DomainError('privacy.blocked', { fragments, kinds }) unless the text is clean or overridden. */
export function assertNoPatientData(fields: Record<string, string>, opts: GuardOptions = {}): void {
  const findings = findPatientData(fields, opts.referenceDate);
  if (findings.length === 0 || opts.override) return;
  throw new DomainError(PRIVACY_BLOCKED, {
    fragments: describeFindings(findings, opts.locale ?? 'nl').join('; '),
    kinds: findingKinds(findings).join(', '),
  });
}

/**
 * `text` with every finding's span replaced by REDACTED (findings from checking this very text). The spans
 * are offsets into the normalised text, so that is what is cut (and returned).
 */
export function redact(raw: string, findings: readonly Pick<Finding, 'start' | 'end'>[]): string {
  const text = normaliseText(raw);
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue; // overlapping spans were merged by the guard; be safe anyway
    out += text.slice(at, f.start) + REDACTED;
    at = f.end;
  }
  return out + text.slice(at);
}

/** Every field with its own findings redacted. */
export function redactFields<T extends Record<string, string>>(fields: T, findings: readonly FieldFinding[]): T {
  const out = { ...fields };
  for (const key of Object.keys(fields) as (keyof T & string)[]) {
    const own = findings.filter((f) => f.field === key);
    if (own.length) out[key] = redact(fields[key]!, own) as T[typeof key];
  }
  return out;
}
