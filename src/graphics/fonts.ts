/**
 * The one font family every picture uses, shipped as an npm package (Inter, SIL Open Font License) so
 * rendering never depends on what fonts the machine happens to have: the PNG renderer loads only these
 * files (system fonts off) and the PDF embeds them. Inter covers the Latin accents Dutch names need
 * (ë, é, ï, ö, ç, ı …).
 *
 * Widths are measured from the same files, glyph advance by glyph advance (kerning ignored: it only ever
 * makes text a little narrower than measured, so measured text always fits).
 */
import { pdfDocumentClass } from './libs';
import type { FontWeight } from './scene';

export const FONT_FAMILY = 'Inter';

const FILES: Record<FontWeight, string> = {
  regular: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  semibold: require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
  bold: require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
};

/** The numeric CSS weight of each face, as the SVG asks for it. */
export const CSS_WEIGHT: Record<FontWeight, number> = { regular: 400, semibold: 600, bold: 700 };

export function fontFile(weight: FontWeight): string {
  return FILES[weight];
}

export function allFontFiles(): string[] {
  return Object.values(FILES);
}

export type MeasureText = (text: string, size: number, weight: FontWeight) => number;

let measurer: MeasureText | null = null;

/** Width in points of `text` at `size` points. Advances are cached per character (layouts measure a lot). */
export function measureText(text: string, size: number, weight: FontWeight): number {
  if (!measurer) measurer = createMeasurer();
  return measurer(text, size, weight);
}

function createMeasurer(): MeasureText {
  // pdfkit reads the font with fontkit; a document that never gets a page is just a font loader.
  const PDFDocument = pdfDocumentClass();
  const doc = new PDFDocument({ autoFirstPage: false });
  for (const [weight, file] of Object.entries(FILES)) doc.registerFont(weight, file);
  const caches: Record<FontWeight, Map<string, number>> = { regular: new Map(), semibold: new Map(), bold: new Map() };
  return (text, size, weight) => {
    const cache = caches[weight];
    let units = 0;
    for (const ch of text) {
      let w = cache.get(ch);
      if (w === undefined) {
        w = doc.font(weight).fontSize(1000).widthOfString(ch);
        cache.set(ch, w);
      }
      units += w;
    }
    return (units * size) / 1000;
  };
}

/** `text` cut with an ellipsis so it is at most `maxWidth` wide (whole characters, never half a surrogate pair). */
export function fitText(text: string, maxWidth: number, size: number, weight: FontWeight): string {
  if (measureText(text, size, weight) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measureText(chars.slice(0, mid).join('').trimEnd() + '…', size, weight) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : chars.slice(0, lo).join('').trimEnd() + '…';
}
