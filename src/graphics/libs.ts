/**
 * pdfkit and resvg are loaded on first use, not at start-up: requiring them costs 0.35–0.7 s (measured on
 * the shared machine), which every start would pay although most processes never draw a picture.
 */
import type PDFKitDocument from 'pdfkit';
import type * as ResvgModule from '@resvg/resvg-js';

let pdfkit: typeof PDFKitDocument | null = null;
let resvg: typeof ResvgModule | null = null;

export function pdfDocumentClass(): typeof PDFKitDocument {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (pdfkit ??= require('pdfkit') as typeof PDFKitDocument);
}

export function resvgModule(): typeof ResvgModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (resvg ??= require('@resvg/resvg-js') as typeof ResvgModule);
}
