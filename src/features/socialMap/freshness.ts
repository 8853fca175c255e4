/**
 * Freshness of the social map. Entries go stale because partners do not keep yet another system up to
 * date; the coordinator gets a list of what to re-check, most urgent first: intake stops whose end date
 * has passed, then open intake stops, then waiting times, then everything else not checked recently.
 *
 * Days are calendar days in Amsterdam, so "checked on the 1st" is 28 days old on the 29th regardless of
 * the hour or daylight saving time.
 */
import { amsterdamToday, instantToDate } from './formats';
import { FRESHNESS, type Partner } from './types';

export type StaleReason = 'intakeStopEnded' | 'intakeStopOpen' | 'waitTime' | 'neverChecked' | 'notChecked';

export interface StaleEntry {
  partner: Partner;
  /** Calendar days since the last check; null when never checked. */
  daysSinceCheck: number | null;
  /** Most urgent first. Message keys: `socialMap.stale.<reason>` (params: days, until). */
  reasons: StaleReason[];
}

const URGENCY: Record<StaleReason, number> = { intakeStopEnded: 0, intakeStopOpen: 1, waitTime: 2, neverChecked: 3, notChecked: 3 };

/**
 * Partners the coordinator should re-check: not checked for more than `maxAgeDays` (default four weeks),
 * or flagged with an intake stop whose end date has already passed (whatever the check date: the flag is
 * certainly out of date). Sorted by urgency, then longest unchecked first.
 */
export function stalePartners(partners: Iterable<Partner>, now: Date, maxAgeDays: number = FRESHNESS.staleAfterDays): StaleEntry[] {
  const today = amsterdamToday(now);
  const out: StaleEntry[] = [];
  for (const p of partners) {
    const days = p.lastCheckedAt ? calendarDaysBetween(instantToDate(p.lastCheckedAt), today) : null;
    const old = days === null || days > maxAgeDays;
    const reasons: StaleReason[] = [];
    const stop = p.intakeStop;
    if (stop.active && stop.until !== null && stop.until < today) reasons.push('intakeStopEnded');
    else if (stop.active && old) reasons.push('intakeStopOpen');
    if (p.waitWeeks !== null && old) reasons.push('waitTime');
    if (old && reasons.length === 0) reasons.push(days === null ? 'neverChecked' : 'notChecked');
    if (reasons.length) out.push({ partner: p, daysSinceCheck: days, reasons });
  }
  return out.sort(
    (a, b) =>
      URGENCY[a.reasons[0]!] - URGENCY[b.reasons[0]!] ||
      (b.daysSinceCheck ?? Number.POSITIVE_INFINITY) - (a.daysSinceCheck ?? Number.POSITIVE_INFINITY) ||
      (a.partner.name < b.partner.name ? -1 : a.partner.name > b.partner.name ? 1 : 0),
  );
}

/** The "laatst gecontroleerd" warning on a result card: never checked, or more than 90 days ago. */
export function isStale90(lastCheckedAt: Date | null, now: Date): boolean {
  if (!lastCheckedAt) return true;
  return calendarDaysBetween(instantToDate(lastCheckedAt), amsterdamToday(now)) > FRESHNESS.flagAfterDays;
}

/** Whole calendar days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
