/**
 * Scene → SVG text. Every string that reaches the markup goes through `xmlText`/`xmlAttr`: names on the
 * social map are typed by people and must never become markup (a partner called `<script>` is text).
 * Spaces are kept as drawn (`xml:space="preserve"`): the layout places runs that start with a space.
 */
import { CSS_WEIGHT, FONT_FAMILY } from './fonts';
import type { Scene, Shape } from './scene';

/** Characters XML 1.0 does not allow at all (C0 controls but tab/newline/CR, U+FFFE/FFFF, lone surrogates). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/[\t\n\r]/g, ' ');
}

const n = (v: number): string => (Math.round(v * 100) / 100).toString();

function paint(s: { fill?: string; stroke?: string; strokeWidth?: number; opacity?: number }): string {
  const out = [`fill="${xmlAttr(s.fill ?? 'none')}"`];
  if (s.stroke) out.push(`stroke="${xmlAttr(s.stroke)}"`, `stroke-width="${n(s.strokeWidth ?? 1)}"`);
  if (s.opacity !== undefined && s.opacity < 1) out.push(`opacity="${n(s.opacity)}"`);
  return out.join(' ');
}

function shapeToSvg(s: Shape, out: string[]): void {
  switch (s.kind) {
    case 'rect':
      out.push(`<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}"${s.radius ? ` rx="${n(s.radius)}"` : ''} ${paint(s)}/>`);
      return;
    case 'circle':
      out.push(`<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${n(s.r)}" ${paint(s)}/>`);
      return;
    case 'line':
      out.push(
        `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${xmlAttr(s.stroke)}" stroke-width="${n(s.strokeWidth)}"` +
          `${s.opacity !== undefined && s.opacity < 1 ? ` opacity="${n(s.opacity)}"` : ''}${s.dash ? ` stroke-dasharray="${s.dash.map(n).join(' ')}"` : ''}/>`,
      );
      return;
    case 'text': {
      const anchor = s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : '';
      const weight = s.weight === 'regular' ? '' : ` font-weight="${CSS_WEIGHT[s.weight]}"`;
      out.push(`<text x="${n(s.x)}" y="${n(s.y)}" font-size="${n(s.size)}"${weight}${anchor} fill="${xmlAttr(s.fill)}">${xmlText(s.text)}</text>`);
      return;
    }
    case 'group': {
      const data = Object.entries(s.data ?? {})
        .map(([k, v]) => ` data-${k.replace(/[^a-z0-9-]/gi, '')}="${xmlAttr(v)}"`)
        .join('');
      out.push(`<g class="${xmlAttr(s.role)}"${data}>`);
      if (s.title) out.push(`<title>${xmlText(s.title)}</title>`);
      for (const c of s.children) shapeToSvg(c, out);
      out.push('</g>');
    }
  }
}

export function sceneToSvg(scene: Scene): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(scene.width)}" height="${n(scene.height)}" viewBox="0 0 ${n(scene.width)} ${n(scene.height)}" font-family="${FONT_FAMILY}" xml:space="preserve" role="img">`,
    `<title>${xmlText(scene.title)}</title>`,
    `<desc>${xmlText(scene.description)}</desc>`,
    `<rect width="100%" height="100%" fill="${xmlAttr(scene.background)}"/>`,
  ];
  for (const s of scene.shapes) shapeToSvg(s, out);
  out.push('</svg>');
  return out.join('\n');
}
