/**
 * Structured JSON logs. Redaction is the safety net, not the plan: code logs ids and codes, never message
 * text, names or card data (patient data must never reach a log), and secrets are censored if they slip in.
 */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'wijkbot' },
    redact: {
      paths: ['*.authorization', '*.Authorization', '*.password', '*.MicrosoftAppPassword', '*.text', '*.token', 'req.headers.authorization'],
      censor: '[weggelaten]',
    },
  });
}
