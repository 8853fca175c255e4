/**
 * botbuilder's token check prints on its own (botframework-connector's jwtTokenExtractor.js): a whole
 * TokenExpiredError with its stack for an expired token, and "Error finding key for token. Available keys:
 * <the PEM key>" for a bad signature. Those lines are not JSON, and anyone on the internet can cause them.
 * The failure itself still reaches us as the error the check throws, which src/http/authFailureLog.ts logs
 * as one rate-limited JSON line, so nothing is lost by dropping the library's own printing.
 *
 * There is no option to turn it off, so console is wrapped once: a call made directly by that file is
 * dropped, every other call prints as before. The caller is read from the stack only when something is
 * printed, which is rare. (An AsyncLocalStorage scope around each request did the same, but it switches on
 * Node's promise hooks for the whole process: a cost on every promise of every turn, ~5% of an RSVP storm.)
 */
const METHODS = ['error', 'warn', 'log', 'info', 'debug', 'trace'] as const;
const INSTALLED = Symbol.for('wijkbot.quietLibraryConsole');
/** The file whose printing is dropped, as it appears in a stack frame (the .ts one when source maps apply). */
const TOKEN_CHECK = /[\\/]botframework-connector[\\/](?:lib|src)[\\/]auth[\\/]jwtTokenExtractor\.[jt]s:/;

/** True when the function that called console is botbuilder's token check. */
function calledByTokenCheck(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 4; // whatever the process set: the caller's frame must be there
  const frames = (new Error().stack ?? '').split('\n');
  Error.stackTraceLimit = limit;
  // [0] "Error", [1] this function, [2] the console wrapper, [3] whoever called console
  return TOKEN_CHECK.test(frames[3] ?? '');
}

/** Wraps console once (idempotent): the token check's own printing is dropped, nothing else. */
export function installQuietLibraryConsole(): void {
  const c = console as unknown as Record<string | symbol, unknown>;
  if (c[INSTALLED]) return;
  c[INSTALLED] = true;
  for (const m of METHODS) {
    const original = console[m] as (...args: unknown[]) => void;
    console[m] = function quietInTokenCheck(this: unknown, ...args: unknown[]) {
      if (calledByTokenCheck()) return;
      original.apply(this, args);
    };
  }
}
