/**
 * A drawing as plain data: positioned shapes and text in points (1/72 inch), top-left origin, y down.
 * Features build a Scene from their own layout; svg.ts, png.ts and pdf.ts turn the same Scene into files,
 * so the picture in Teams and the printed page cannot drift apart.
 *
 * Text is never wrapped or measured here: the layout measures with `fonts.ts` (the same font files the
 * renderers use) and places every run itself.
 */
export type FontWeight = 'regular' | 'semibold' | 'bold';

export interface Paint {
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  /** 0..1 */
  opacity?: number;
}

export type Shape =
  | ({ kind: 'rect'; x: number; y: number; w: number; h: number; radius?: number } & Paint)
  | ({ kind: 'circle'; cx: number; cy: number; r: number } & Paint)
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; strokeWidth: number; opacity?: number; dash?: number[] }
  | {
      kind: 'text';
      /** x of the anchor point; y of the baseline */
      x: number;
      y: number;
      text: string;
      size: number;
      weight: FontWeight;
      fill: string;
      anchor?: 'start' | 'middle' | 'end';
    }
  | {
      /** A meaningful unit (one partner, one cluster): a class and data attributes in SVG, a plain group elsewhere. */
      kind: 'group';
      role: string;
      data?: Record<string, string>;
      /** shown as a tooltip in SVG viewers and read by screen readers; not drawn */
      title?: string;
      children: Shape[];
    };

export interface Scene {
  width: number;
  height: number;
  /** document title (SVG <title>, PDF metadata) */
  title: string;
  /** describes the picture for people who cannot see it (SVG <desc>, card alt text) */
  description: string;
  background: string;
  shapes: Shape[];
}

/** Every text run in drawing order, groups flattened (tests read pictures back with this too). */
export function* textsOf(shapes: Shape[]): Generator<Extract<Shape, { kind: 'text' }>> {
  for (const s of shapes) {
    if (s.kind === 'text') yield s;
    else if (s.kind === 'group') yield* textsOf(s.children);
  }
}
