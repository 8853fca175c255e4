import { DomainError } from '../../../src/features/errors';

/** Monday 23 November 2026, 10:00 in Amsterdam: "today" for every test unless stated otherwise. */
export const NOW = new Date('2026-11-23T09:00:00Z');

export const GROUPS = ['Oost', 'Noord', 'Wijkgroep Zuid', 'Nieuw-West', 'De Pijp'];

export function codes(warnings: { code: string }[]): string[] {
  return warnings.map((w) => w.code);
}

/** The DomainError thrown by `fn`, so a test can check its code and parameters. */
export function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}
