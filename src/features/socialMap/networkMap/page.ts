/**
 * The netwerkkaart's page geometry: A4 landscape, the header and legend bands, the columns, the hub in the
 * middle and the slots around it that hold the discipline boxes, and the densities from roomy to dense.
 * Shared by layout.ts (what goes where) and draw.ts (the shapes).
 */

/** ISO 216 A4 in PostScript points, landscape: the wall and the wijkoverleg's printer. */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;
export const MARGIN = 24;
export const BODY_TOP = MARGIN + 52;
export const BODY_BOTTOM = A4_LANDSCAPE.height - MARGIN - 24;
const COLUMN_GAP = 10;

export interface Density {
  columns: number;
  /** a second line per partner: stop date, last check, specialisation, organisation, phone */
  twoLine: boolean;
  /** partner name size in points */
  font: number;
  /** line height and box header height, as multiples of the font size */
  line: number;
  header: number;
  hubRadius: number;
}

/** Most readable first; the first one that fits is used. */
export const DENSITIES: readonly Density[] = [
  { columns: 4, twoLine: true, font: 8.5, line: 1.42, header: 2.1, hubRadius: 58 },
  { columns: 4, twoLine: true, font: 7.6, line: 1.42, header: 2.1, hubRadius: 54 },
  { columns: 4, twoLine: false, font: 8.5, line: 1.38, header: 2.0, hubRadius: 54 },
  { columns: 5, twoLine: false, font: 7.8, line: 1.36, header: 1.95, hubRadius: 50 },
  { columns: 5, twoLine: false, font: 7.2, line: 1.34, header: 1.9, hubRadius: 46 },
  { columns: 6, twoLine: false, font: 6.8, line: 1.32, header: 1.8, hubRadius: 42 },
  { columns: 6, twoLine: false, font: 6.3, line: 1.3, header: 1.75, hubRadius: 38 },
];

export interface Metrics {
  f: number;
  headerH: number;
  padTop: number;
  padBottom: number;
  gap: number;
  /** one line of a partner */
  line1: number;
  /** the detail line under the name (two-line densities), else 0 */
  detailH: number;
  pad: number;
  /** the sign in front of a name */
  icon: number;
}

export function metricsOf(d: Density): Metrics {
  const f = d.font;
  const compact = d.line < 1.4;
  return {
    f,
    headerH: f * d.header,
    padTop: f * 0.4,
    padBottom: f * (compact ? 0.45 : 0.55),
    gap: f * (compact ? 0.8 : 1.0),
    line1: f * d.line,
    detailH: d.twoLine ? f * 1.18 : 0,
    pad: f * 0.7,
    icon: f * 0.95,
  };
}

export interface Slot {
  x: number;
  top: number;
  bottom: number;
  /** which way the stack leans: towards the hub */
  align: 'top' | 'bottom' | 'center';
}

export interface Grid {
  slots: Slot[];
  colW: number;
  hubX: number;
  hubY: number;
}

export function gridOf(d: Density): Grid {
  const width = A4_LANDSCAPE.width - 2 * MARGIN;
  const colW = (width - (d.columns - 1) * COLUMN_GAP) / d.columns;
  const colX = (i: number) => MARGIN + i * (colW + COLUMN_GAP);
  const hubY = (BODY_TOP + BODY_BOTTOM) / 2;
  const hubHalf = d.hubRadius + 12;
  // reading order, like a newspaper: the left column, then each middle column above and below the hub,
  // then the right column; a discipline that continues ("vervolg") continues in the next box you read
  const slots: Slot[] = [{ x: colX(0), top: BODY_TOP, bottom: BODY_BOTTOM, align: 'center' }];
  for (let i = 1; i < d.columns - 1; i++) {
    slots.push({ x: colX(i), top: BODY_TOP, bottom: hubY - hubHalf, align: 'bottom' }, { x: colX(i), top: hubY + hubHalf, bottom: BODY_BOTTOM, align: 'top' });
  }
  slots.push({ x: colX(d.columns - 1), top: BODY_TOP, bottom: BODY_BOTTOM, align: 'center' });
  return { slots, colW, hubX: A4_LANDSCAPE.width / 2, hubY };
}

/** A cluster, or the part of one that fits a slot. */
export interface Piece {
  cluster: number;
  from: number;
  to: number;
  continued: boolean;
  /** entries of the cluster left off the page (shown as "+ N meer" under its last piece) */
  hidden: number;
}

export interface Placed extends Piece {
  x: number;
  y: number;
  h: number;
}
