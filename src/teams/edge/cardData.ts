/**
 * Card data is whatever the client sends back with a click: Wijkbot put it on the card, but anyone can
 * post an invoke with other values. An action declares the fields it reads as a zod schema (CardActionSpec
 * `data`); src/teams/app.ts checks it before the action runs, so a handler never sees `sequence: 1e308`
 * (an integer to JavaScript, a crash in the database) or an object where a string belongs. Fields an action
 * does not declare pass through unchanged for its own checks.
 */
import { z } from 'zod/v4';
import { DomainError } from '../../features/errors';

/** A counter as cards carry it (the template may give a number or its digits): what an SQL INTEGER column holds. */
export const cardCounter = z
  .union([z.number(), z.string().regex(/^\d{1,10}$/).transform(Number)])
  .pipe(z.number().int().min(0).max(2_147_483_647));

/** A short choice such as an RSVP answer. */
export const cardWord = z.string().max(40);

/** Form input that may come as text or (from a multi-select) a list of texts. */
export const cardTextOrList = z.union([z.string().max(20_000), z.array(z.string().max(200)).max(1_000)]);

export function cardData<S extends z.ZodRawShape>(shape: S) {
  return z.object(shape).passthrough();
}

/** The data as the action's schema reads it; otherwise a DomainError naming the fields (never their values). */
export function checkCardData(schema: z.ZodType | undefined, data: Record<string, unknown>): Record<string, unknown> {
  if (!schema) return data;
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '?')))].slice(0, 3);
  throw new DomainError('common.badCardData', { reason: fields.join(', ') });
}
