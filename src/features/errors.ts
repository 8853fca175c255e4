/**
 * The one error type users see. Domain code throws it with a code and parameters; the Teams layer turns
 * the code into a Dutch (or English) sentence from the message catalogue. Anything else that is thrown
 * is a bug: it is logged with a correlation id and the user gets a short apology, never a stack trace.
 */
export class DomainError extends Error {
  constructor(
    public readonly code: string,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
