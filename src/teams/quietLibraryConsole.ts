/**
 * botbuilder's token check prints on its own (botframework-connector's jwtTokenExtractor.js): a whole
 * TokenExpiredError with its stack for an expired token, and "Error finding key for token. Available keys:
 * <the PEM key>" for a bad signature. Those lines are not JSON, and anyone on the internet can cause them.
 * The failure itself still reaches us as the error the check throws, which src/http/authFailureLog.ts logs
 * as one rate-limited JSON line, so nothing is lost by dropping the library's own printing.
 *
 * There is no option to turn it off, so console is wrapped once: inside a token check (an AsyncLocalStorage
 * scope around the adapter's processActivity) console output is dropped; the bot's own turn logic runs
 * outside that scope again, and everywhere else console behaves as before.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<true>();
const METHODS = ['error', 'warn', 'log', 'info', 'debug', 'trace'] as const;
const INSTALLED = Symbol.for('wijkbot.quietLibraryConsole');

function install(): void {
  const c = console as unknown as Record<string | symbol, unknown>;
  if (c[INSTALLED]) return;
  c[INSTALLED] = true;
  for (const m of METHODS) {
    const original = console[m] as (...args: unknown[]) => void;
    console[m] = function quietInTokenCheck(this: unknown, ...args: unknown[]) {
      if (scope.getStore()) return;
      original.apply(this, args);
    };
  }
}

/** Runs the token check (and botbuilder's pipeline around it) with the library's console output dropped. */
export function withQuietLibraryConsole<T>(fn: () => Promise<T>): Promise<T> {
  install();
  return scope.run(true, fn);
}

/** Runs our own code (the turn logic) outside the quiet scope, so nothing of ours is ever dropped. */
export function outsideQuietScope<T>(fn: () => T): T {
  return scope.exit(fn);
}
