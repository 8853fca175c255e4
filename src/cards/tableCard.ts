/**
 * A list as a table card (cards/tableCard.json): what used to be CSV pasted into chat, where Teams folds it
 * into one paragraph. The card shows the first rows and how many more there are; the whole list is behind
 * a short download button (the bot's own signed link), so nothing long or raw lands in the chat.
 */
import { renderCard } from './render';

/** Rows on the card; with two or four short columns this keeps it far under Teams' ~28 KB per card. */
export const TABLE_CARD_MAX_ROWS = 25;

export interface TableCardInput {
  title: string;
  lines: string[];
  columns: { title: string; width: number }[];
  rows: string[][];
  /** "… en nog 12" when rows were left off (gets the number of rows not shown) */
  more: (hidden: number) => string;
  download?: { title: string; url: string };
}

export function tableCard(input: TableCardInput): Record<string, unknown> {
  const shown = input.rows.slice(0, TABLE_CARD_MAX_ROWS);
  const hidden = input.rows.length - shown.length;
  return renderCard('tableCard', {
    title: input.title,
    lines: input.lines,
    hasRows: shown.length > 0,
    columns: input.columns,
    rows: shown.map((cells) => ({ cells })),
    more: hidden > 0 ? input.more(hidden) : '',
    hasDownload: Boolean(input.download),
    downloadTitle: input.download?.title ?? '',
    downloadUrl: input.download?.url ?? '',
  });
}
