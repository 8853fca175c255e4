/**
 * Plurals, in the ICU MessageFormat form so they read as what they are: `{count, plural, one {# bericht}
 * other {# berichten}}` → "1 bericht" / "2 berichten" (`#` is the number; a branch without `#` gives just
 * the word: "{count, plural, one {kent} other {kennen}}"). Dutch and English both have only "one" and
 * "other". Just this subset, by hand rather than with intl-messageformat: that library is ESM-only today,
 * and it would also read every apostrophe in our texts ("commando's", "'s avonds") as ICU quoting.
 * A leaf module (no imports), so feature catalogues can use it without an import circle through i18n.
 */
const PLURAL = /\{(\w+), plural, one \{((?:[^{}]|\{\w+\})*)\} other \{((?:[^{}]|\{\w+\})*)\}\}/g;

export function fillPlurals(template: string, params: Record<string, unknown>): string {
  if (!template.includes(', plural, ')) return template;
  return template.replace(PLURAL, (_m, key: string, one: string, other: string) => {
    const value = params[key];
    return (Number(value) === 1 ? one : other).replace(/#/g, value === undefined || value === null ? '' : String(value));
  });
}
