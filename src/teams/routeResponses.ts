/**
 * The answers a feature's download route gives (HttpRoute in featureModule.ts), built in one place so
 * every download carries the same headers: a short text for a refused or missing link, and a CSV file
 * that Excel opens correctly.
 */
import type { HttpRoute } from './featureModule';

export type RouteResponse = Awaited<ReturnType<HttpRoute['handler']>>;

/** A refused, missing or not-yet-ready link: a line of text for whoever opened it in a browser. */
export function plainText(status: number, body: string, headers?: Record<string, string>): RouteResponse {
  return { status, contentType: 'text/plain; charset=utf-8', body, ...(headers ? { headers } : {}) };
}

/** A file to save, never cached (the links are personal and the data changes). */
export function download(contentType: string, fileName: string, body: string | Buffer): RouteResponse {
  return { status: 200, contentType, body, headers: { 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'no-store' } };
}

/** A CSV export: Excel reads UTF-8 (ë, ö) only with a byte-order mark. */
export function csvDownload(fileName: string, csv: string): RouteResponse {
  return download('text/csv; charset=utf-8', fileName, '\uFEFF' + csv);
}
