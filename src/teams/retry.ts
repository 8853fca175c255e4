/**
 * Retry for calls to the Bot Connector. Teams answers 429 when throttled and 412/502/504 on transient
 * back-end trouble; those are retried with exponential backoff and full jitter (so several instances do not
 * retry in lockstep), honouring Retry-After. Anything else fails at once: retrying a 400 or 403 cannot help.
 */
export const RETRYABLE_STATUS = new Set([412, 429, 502, 503, 504]);

export interface RetryOptions {
  attempts: number;
  baseMs: number;
  maxMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** told of each retry (metrics: how often Teams throttles) */
  onRetry?: (status: number) => void;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 5, baseMs: 250, maxMs: 8_000 };

export function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: number; status?: number; response?: { status?: number } };
  return e?.statusCode ?? e?.status ?? e?.response?.status;
}

function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as { response?: { headers?: { get?: (k: string) => string | undefined } } })?.response?.headers;
  const raw = headers?.get?.('retry-after');
  const secs = raw ? Number(raw) : NaN;
  return Number.isFinite(secs) ? secs * 1000 : undefined;
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = DEFAULT_RETRY): Promise<T> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = opts.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const status = statusOf(err);
      if (attempt >= opts.attempts || status === undefined || !RETRYABLE_STATUS.has(status)) throw err;
      opts.onRetry?.(status);
      const backoff = Math.min(opts.maxMs, opts.baseMs * 2 ** (attempt - 1));
      await sleep(Math.max(retryAfterMs(err) ?? 0, Math.floor(random() * backoff)));
    }
  }
}
