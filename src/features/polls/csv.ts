/**
 * The result as CSV: for `npm run poll -- export <id>` and the card's export link. One table, one row per
 * fact, so it opens cleanly in Excel: the poll, the turnout, a row per option, for named polls a row per
 * person per chosen option, and the feedback (without names for anonymous polls, in no particular order).
 * Written by the shared CSV writer, which neutralises spreadsheet formulas.
 */
import { writeCsv } from '../../csv/write';
import { optionResults, turnoutPercent } from './tally';
import type { PollSnapshot } from './types';

export const POLL_CSV_HEADER = ['soort', 'optie', 'stemmen', 'percentage', 'naam', 'toelichting'] as const;

export function pollCsv(snap: PollSnapshot, namedVotes: { name: string; choices: number[] }[], resultsVisible = true): string {
  const { poll } = snap;
  const rows: (string | number)[][] = [];
  const status = poll.status === 'closed' ? `gesloten ${poll.closedAt?.toISOString() ?? ''}` : poll.status === 'open' ? 'open' : poll.status;
  const kind = [poll.anonymous ? 'anoniem' : 'op naam', poll.multiple ? 'meerdere keuzes' : 'één keuze'].join(', ');
  rows.push(['peiling', poll.question, '', '', poll.creatorName, `#${poll.id}; ${kind}; ${status}`]);
  rows.push(['opkomst', '', snap.voters, turnoutPercent(snap.voters, poll.eligibleCount), '', `${snap.voters} van ${poll.eligibleCount} stemgerechtigden`]);
  if (!resultsVisible) {
    rows.push(['uitslag', '', '', '', '', 'de uitslag is zichtbaar zodra de peiling sluit']);
    return toCsv(rows);
  }
  for (const r of optionResults(poll.options, snap.counts, snap.voters, poll.multiple)) rows.push(['uitslag', r.label, r.count, r.percent, '', '']);
  if (!poll.anonymous) for (const v of namedVotes) for (const c of v.choices) rows.push(['stem', poll.options[c] ?? '?', '', '', v.name, '']);
  for (const c of snap.comments) rows.push(['toelichting', '', '', '', c.author ?? '', c.text]);
  return toCsv(rows);
}

function toCsv(rows: (string | number)[][]): string {
  return writeCsv(POLL_CSV_HEADER, rows);
}
