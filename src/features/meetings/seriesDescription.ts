import { parseIsoDate } from '../../dates/calendar';
import { formatDateFull } from '../../dates/formatting';
import { WEEKDAY_NAMES } from '../../dates/dutchWords';
import type { ExpandedSeries, Recurrence } from './series';

/** Dutch and English sentences for the "what I understood" lines of a series. */

const ORDINAL_WORDS = {
  nl: { 1: 'eerste', 2: 'tweede', 3: 'derde', 4: 'vierde', [-1]: 'laatste' } as Record<number, string>,
  en: { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' } as Record<number, string>,
};

export function describeRecurrence(r: Recurrence): { nl: string; en: string } {
  if (r.frequency === 'weekly') {
    const every = r.interval === 1 ? { nl: 'elke week', en: 'every week' } : { nl: `elke ${r.interval} weken`, en: `every ${r.interval} weeks` };
    if (r.weekday === undefined) return every;
    return { nl: `${every.nl} op ${WEEKDAY_NAMES.nl[r.weekday - 1]}`, en: `${every.en} on ${WEEKDAY_NAMES.en[r.weekday - 1]}` };
  }
  const months = r.interval === 1 ? { nl: 'elke maand', en: 'every month' } : { nl: `elke ${r.interval} maanden`, en: `every ${r.interval} months` };
  if (r.mode === 'dayOfMonth') {
    return { nl: `${months.nl} op dezelfde dag van de maand`, en: `${months.en} on the same day of the month` };
  }
  return {
    nl: `${months.nl} op de ${ORDINAL_WORDS.nl[r.ordinal]} ${WEEKDAY_NAMES.nl[r.weekday - 1]}`,
    en: `${months.en} on the ${ORDINAL_WORDS.en[r.ordinal]} ${WEEKDAY_NAMES.en[r.weekday - 1]}`,
  };
}

export function describeOccurrences(series: ExpandedSeries): { nl: string; en: string } {
  const n = series.occurrences.length;
  const first = series.occurrences[0];
  const last = series.occurrences[n - 1];
  // occurrence dates come from toIsoDate, so parsing them back cannot fail
  const date = (iso: string, lang: 'nl' | 'en') => formatDateFull(parseIsoDate(iso)!, lang);
  return {
    nl: `${n} ${n === 1 ? 'bijeenkomst' : 'bijeenkomsten'}, van ${date(first.localDate, 'nl')} tot en met ${date(last.localDate, 'nl')}`,
    en: `${n} ${n === 1 ? 'meeting' : 'meetings'}, from ${date(first.localDate, 'en')} to ${date(last.localDate, 'en')}`,
  };
}
