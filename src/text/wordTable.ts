/**
 * A table of words to look up what people type in (weekdays, months, roles, meeting types). Built without a
 * prototype: as a plain object, typing "constructor" or "toString" found Object.prototype's functions, which
 * crashed the turn ("hit.days is not iterable") or showed JavaScript source in a reply.
 */
export function wordTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
