/**
 * Makes the netwerkkaart files: model (model.ts) → page layout (layout.ts) → PNG for the Teams card or PDF
 * for the wall. The social map comes in through a port (a function that lists the partners), so this does
 * not depend on how the map is stored or searched.
 *
 * Renders are cached by what is drawn (the model's content and the day it is dated), so a card seen by a
 * whole channel costs one render, and a change on the social map shows on the next view. Concurrent
 * requests for the same file share one render.
 */
import { createHash } from 'node:crypto';
import { sceneToPdf } from '../../../graphics/pdf';
import { svgToPng } from '../../../graphics/png';
import { sceneToSvg } from '../../../graphics/svg';
import type { Locale } from '../../groups/types';
import type { Partner } from '../types';
import type { NetworkMapFormat } from './link';
import { layoutNetworkMap, type NetworkMapLayout } from './layout';
import { buildNetworkMap, type NetworkMapModel, type NetworkMapSubject } from './model';

/**
 * Width of the picture in the card. Teams shows a card image at the card's width (~500 px) and full size
 * when expanded: 1600 px keeps the smallest text (6.3 pt at 200 partners) at about 12 px there.
 */
export const PNG_WIDTH_PX = 1600;
const CACHE_ENTRIES = 16;

export interface NetworkMapFile {
  body: Buffer;
  contentType: string;
  fileName: string;
  model: NetworkMapModel;
}

export interface NetworkMapSource {
  /** every partner on the social map */
  partners(): Iterable<Partner>;
  clock(): Date;
}

export class NetworkMapRenderer {
  private readonly cache = new Map<string, Promise<Buffer>>();

  constructor(private readonly source: NetworkMapSource) {}

  model(subject: NetworkMapSubject): NetworkMapModel {
    return buildNetworkMap(this.source.partners(), subject, this.source.clock());
  }

  /** The page as drawn (tests and the benchmark read it back). */
  layout(subject: NetworkMapSubject, locale: Locale): NetworkMapLayout {
    return layoutNetworkMap(this.model(subject), locale);
  }

  async render(subject: NetworkMapSubject, format: NetworkMapFormat, locale: Locale): Promise<NetworkMapFile> {
    const model = this.model(subject);
    const key = `${format}|${locale}|${fingerprint(model)}`;
    let pending = this.cache.get(key);
    if (pending) {
      this.cache.delete(key); // most recently used goes last
      this.cache.set(key, pending);
    } else {
      pending = draw(model, format, locale);
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
      while (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    }
    const slug = subject.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'wijk';
    return {
      body: await pending,
      contentType: format === 'png' ? 'image/png' : 'application/pdf',
      fileName: `netwerkkaart-${slug}-${model.madeOn}.${format}`,
      model,
    };
  }
}

async function draw(model: NetworkMapModel, format: NetworkMapFormat, locale: Locale): Promise<Buffer> {
  const { scene } = layoutNetworkMap(model, locale);
  if (format === 'png') return svgToPng(sceneToSvg(scene), { width: PNG_WIDTH_PX });
  return sceneToPdf(scene, { title: scene.title, subject: scene.description, createdAt: model.madeAt });
}

/** Everything that is drawn: the partners' shown fields, the subject and the date on the page (not the time). */
function fingerprint(model: NetworkMapModel): string {
  return createHash('sha256').update(JSON.stringify({ s: model.subject, d: model.madeOn, c: model.clusters })).digest('base64url');
}
