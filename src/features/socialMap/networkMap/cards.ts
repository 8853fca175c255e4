/**
 * The netwerkkaart card (cards/networkMap.json): title and counts, the picture (expandable in Teams), and
 * buttons for the A4 printout, the picture on its own, a refresh (new links, current data) and, when it
 * was opened from a lookup, the way back. The picture is a link, never inlined: a card must stay far below
 * Teams' ~28 KB, and the picture alone is a few hundred KB.
 */
import { renderCard } from '../../../cards/render';
import { t } from '../../../i18n';
import type { Locale } from '../../groups/types';
import type { NetworkMapModel } from './model';

export interface NetworkMapCardOptions {
  locale: Locale;
  imageUrl: string;
  pdfUrl: string;
  expiresAt: Date;
  /** data for the refresh button (which map) */
  refreshData: Record<string, unknown>;
  /** data for "terug naar resultaten" (socialMap.page), when opened from a lookup */
  back?: Record<string, unknown>;
}

function day(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(at).replace('.', '');
}

export function networkMapCard(model: NetworkMapModel, opts: NetworkMapCardOptions): Record<string, unknown> {
  const { locale } = opts;
  const name = model.subject.name;
  return renderCard('networkMap', {
    title: t(locale, 'networkMap.card.title', { name }),
    summary: t(locale, 'networkMap.card.summary', { total: model.total, stops: model.intakeStops, stale: model.stale }),
    imageUrl: opts.imageUrl,
    pdfUrl: opts.pdfUrl,
    altText: t(locale, 'networkMap.description', { name, total: model.total, clusters: model.clusters.length, stops: model.intakeStops, stale: model.stale }),
    expandHint: t(locale, 'networkMap.card.expandHint'),
    validity: t(locale, 'networkMap.card.validUntil', { date: day(model.madeAt, locale), until: day(opts.expiresAt, locale) }),
    refreshData: opts.refreshData,
    hasBack: Boolean(opts.back),
    backData: opts.back ?? {},
    labels: {
      print: t(locale, 'networkMap.action.print'),
      image: t(locale, 'networkMap.action.image'),
      refresh: t(locale, 'networkMap.action.refresh'),
      back: t(locale, 'networkMap.action.back'),
    },
  });
}
