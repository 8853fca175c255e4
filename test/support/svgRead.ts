/**
 * Reads a picture back the way a person (or a screen reader) would: parses the SVG strictly (any markup
 * that a name smuggled in, or an unescaped "&", fails the parse) and collects the drawn text, per partner.
 */
import { DOMParser } from '@xmldom/xmldom';

/** The little of the DOM this reader uses (the project compiles without the DOM library's types). */
interface XmlElement {
  nodeType: number;
  tagName: string;
  textContent: string | null;
  childNodes: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

export interface SvgPartner {
  id: string;
  /** the bold text of the entry: the partner's name as drawn (both lines when it wraps) */
  name: string;
  /** every text drawn for the entry (name, organisation, contact, markers) */
  texts: string[];
  /** an intake-stop sign is drawn on the entry */
  stopSign: boolean;
  staleSign: boolean;
}

export interface SvgReadBack {
  width: number;
  height: number;
  /** all drawn text, in document order */
  texts: string[];
  partners: SvgPartner[];
  madeOn: string | null;
}

function elements(node: XmlElement, name: string): XmlElement[] {
  return Array.from(node.getElementsByTagName(name));
}

function children(node: XmlElement): XmlElement[] {
  return Array.from(node.childNodes).filter((c) => c.nodeType === 1);
}

export function readSvg(svg: string): SvgReadBack {
  const doc = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: (msg: string) => { throw new Error(`SVG is not well-formed: ${msg}`); },
      fatalError: (msg: string) => { throw new Error(`SVG is not well-formed: ${msg}`); },
    },
  }).parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement as unknown as XmlElement;
  if (root.tagName !== 'svg') throw new Error('not an SVG');
  const partners = elements(root, 'g')
    .filter((g) => g.getAttribute('class') === 'partner')
    .map((g) => {
      const own = children(g).filter((c) => c.tagName === 'text');
      const nested = children(g).filter((c) => c.tagName === 'g');
      return {
        id: g.getAttribute('data-id') ?? '',
        // a long name wraps onto a second line: its bold lines, joined where it broke
        name: own.filter((t) => t.getAttribute('font-weight') === '700').map((t) => t.textContent ?? '').join(' '),
        texts: elements(g, 'text').map((t) => t.textContent ?? ''),
        stopSign: nested.some((n) => n.getAttribute('class') === 'intake-stop'),
        staleSign: nested.some((n) => n.getAttribute('class') === 'stale'),
      };
    });
  const madeOn = elements(root, 'g').find((g) => g.getAttribute('class') === 'made-on')?.getAttribute('data-date') ?? null;
  return {
    width: Number(root.getAttribute('width')),
    height: Number(root.getAttribute('height')),
    texts: elements(root, 'text').map((t) => t.textContent ?? ''),
    partners,
    madeOn,
  };
}
