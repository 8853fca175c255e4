/**
 * SVG → PNG with resvg (Rust, shipped as a prebuilt binary inside an npm optional dependency: nothing is
 * downloaded at install or run time). Only the bundled font files are loaded, so the picture looks the
 * same on every machine. Rendering runs on libuv's thread pool (`renderAsync`), not on the event loop
 * that answers Teams.
 */
import { allFontFiles, FONT_FAMILY } from './fonts';
import { resvgModule } from './libs';

export interface PngOptions {
  /** output width in pixels; the height follows the SVG's aspect ratio */
  width: number;
}

export async function svgToPng(svg: string, opts: PngOptions): Promise<Buffer> {
  const image = await resvgModule().renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: allFontFiles(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: { mode: 'width', value: Math.round(opts.width) },
    background: '#ffffff',
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  return image.asPng();
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
