/**
 * Draws the two Teams app icons (no binary editor needed to change them):
 * color.png 192×192 full colour, outline.png 32×32 white strokes on transparent (Teams' rules).
 * Run: npx tsx scripts/make-icons.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type RGBA = [number, number, number, number];

function canvas(size: number, bg: RGBA): PNG {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) png.data.set(bg, i * 4);
  return png;
}

function rect(png: PNG, x0: number, y0: number, w: number, h: number, c: RGBA): void {
  for (let y = Math.max(0, y0); y < Math.min(png.height, y0 + h); y++)
    for (let x = Math.max(0, x0); x < Math.min(png.width, x0 + w); x++) png.data.set(c, (y * png.width + x) * 4);
}

/** a house (the wijk) with a cross (care): roof triangle, walls, cross in the door area */
function house(png: PNG, s: number, c: RGBA, stroke: number): void {
  const n = png.width;
  const cx = n / 2;
  const roofTop = Math.round(n * 0.18), roofBase = Math.round(n * 0.46);
  for (let y = roofTop; y < roofBase; y++) {
    const half = ((y - roofTop) / (roofBase - roofTop)) * n * 0.36;
    rect(png, Math.round(cx - half), y, stroke, 1, c);
    rect(png, Math.round(cx + half) - stroke, y, stroke, 1, c);
  }
  rect(png, Math.round(n * 0.14), roofBase, Math.round(n * 0.72), stroke, c);
  const wallL = Math.round(n * 0.24), wallR = Math.round(n * 0.76) - stroke, bottom = Math.round(n * 0.84);
  rect(png, wallL, roofBase, stroke, bottom - roofBase, c);
  rect(png, wallR, roofBase, stroke, bottom - roofBase, c);
  rect(png, wallL, bottom - stroke, wallR - wallL + stroke, stroke, c);
  const arm = Math.round(n * 0.11);
  const mid = Math.round(n * 0.65);
  rect(png, Math.round(cx - stroke), mid - arm, stroke * 2, arm * 2, c);
  rect(png, Math.round(cx - arm), mid - stroke, arm * 2, stroke * 2, c);
  void s;
}

const dir = path.resolve(__dirname, '../appPackage');
const color = canvas(192, [15, 118, 110, 255]);
house(color, 192, [255, 255, 255, 255], 10);
fs.writeFileSync(path.join(dir, 'color.png'), PNG.sync.write(color));
const outline = canvas(32, [0, 0, 0, 0]);
house(outline, 32, [255, 255, 255, 255], 2);
fs.writeFileSync(path.join(dir, 'outline.png'), PNG.sync.write(outline));
console.log('appPackage/color.png (192×192) and appPackage/outline.png (32×32) written');
