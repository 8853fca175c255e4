/**
 * Scene → PDF with pdfkit (pure JavaScript): vectors and real text, so a printed page is sharp at any
 * size, and the bundled font is embedded (subset) so every printer shows the same letters.
 * One Scene is one page of exactly the Scene's size (the layout decides: A4 is 841.89 × 595.28 pt).
 */
import { fontFile } from './fonts';
import { pdfDocumentClass } from './libs';
import type { FontWeight, Scene, Shape } from './scene';

export interface PdfMeta {
  title: string;
  subject?: string;
  createdAt: Date;
}

export function sceneToPdf(scene: Scene, meta: PdfMeta): Promise<Buffer> {
  const PDFDocument = pdfDocumentClass();
  const doc = new PDFDocument({
    size: [scene.width, scene.height],
    margin: 0,
    autoFirstPage: false,
    info: { Title: meta.title, Subject: meta.subject ?? scene.description, Author: 'Wijkbot', Creator: 'Wijkbot', CreationDate: meta.createdAt, ModDate: meta.createdAt },
    lang: 'nl-NL',
  });
  const weights: FontWeight[] = ['regular', 'semibold', 'bold'];
  for (const w of weights) doc.registerFont(w, fontFile(w));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.addPage({ size: [scene.width, scene.height], margin: 0 });
  doc.rect(0, 0, scene.width, scene.height).fill(scene.background);
  for (const s of scene.shapes) draw(doc, s);
  doc.end();
  return done;
}

function draw(doc: PDFKit.PDFDocument, s: Shape): void {
  switch (s.kind) {
    case 'rect':
    case 'circle': {
      doc.save();
      if (s.opacity !== undefined) doc.opacity(s.opacity);
      if (s.kind === 'rect') {
        if (s.radius) doc.roundedRect(s.x, s.y, s.w, s.h, s.radius);
        else doc.rect(s.x, s.y, s.w, s.h);
      } else doc.circle(s.cx, s.cy, s.r);
      if (s.stroke) doc.lineWidth(s.strokeWidth ?? 1);
      if (s.fill && s.stroke) doc.fillAndStroke(s.fill, s.stroke);
      else if (s.fill) doc.fill(s.fill);
      else if (s.stroke) doc.stroke(s.stroke);
      doc.restore();
      return;
    }
    case 'line':
      doc.save();
      if (s.opacity !== undefined) doc.strokeOpacity(s.opacity);
      if (s.dash) doc.dash(s.dash[0]!, { space: s.dash[1] ?? s.dash[0]! });
      doc.moveTo(s.x1, s.y1).lineTo(s.x2, s.y2).lineWidth(s.strokeWidth).stroke(s.stroke);
      doc.restore();
      return;
    case 'text': {
      if (!s.text) return;
      doc.font(s.weight).fontSize(s.size).fillColor(s.fill);
      const w = s.anchor && s.anchor !== 'start' ? doc.widthOfString(s.text) : 0;
      const x = s.anchor === 'middle' ? s.x - w / 2 : s.anchor === 'end' ? s.x - w : s.x;
      doc.text(s.text, x, s.y, { lineBreak: false, baseline: 'alphabetic' });
      return;
    }
    case 'group':
      for (const c of s.children) draw(doc, c);
  }
}
