/**
 * Who may read /metrics. The figures hold no personal data, but they do tell how busy a wijkgroep is and
 * when: not for the internet. With METRICS_TOKEN set, a scrape must carry `Authorization: Bearer <token>`
 * (from anywhere, loopback too). Without it, only connections from this machine's loopback interface are
 * served. The socket's own address decides, never a forwarding header, which any client can write.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type MetricsAccess = 'allowed' | 'token_required' | 'token_wrong' | 'not_loopback';

/** 127.0.0.0/8, ::1 and the IPv4-mapped form of 127.x that dual-stack sockets report. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function metricsAccess(authorization: string | undefined, remoteAddress: string | undefined, token: string | undefined): MetricsAccess {
  if (token) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!m) return 'token_required';
    // compare digests: equal length, constant time, whatever the caller sent
    return timingSafeEqual(digest(m[1]), digest(token)) ? 'allowed' : 'token_wrong';
  }
  return isLoopbackAddress(remoteAddress) ? 'allowed' : 'not_loopback';
}
