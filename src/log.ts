/**
 * Structured JSON logs. Redaction is the safety net, not the plan: code logs ids and codes, never message
 * text, names or card data (patient data must never reach a log), and secrets are censored if they slip in.
 */
import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Error messages can carry user text: Prisma's validation errors, for one, repeat the query's arguments
 * (a verslag, a note) on the lines after the first. Logs keep the first line only, cut short, and stacks
 * keep their frames without the message.
 */
export function errorSummary(value: unknown): unknown {
  const text = value instanceof Error ? value.message : value;
  if (typeof text !== 'string') return text;
  const first = text.split('\n').find((l) => l.trim()) ?? '';
  return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}

export function stackFrames(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.split('\n').filter((l) => /^\s+at\s/.test(l)).slice(0, 12).join('\n');
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({
    level,
    base: { app: 'wijkbot' },
    serializers: { err: errorSummary, reason: errorSummary, stack: stackFrames },
    redact: {
      paths: ['*.authorization', '*.Authorization', '*.password', '*.MicrosoftAppPassword', '*.text', '*.token', 'req.headers.authorization'],
      censor: '[weggelaten]',
    },
  }, destination);
}
