/**
 * User text shown in a markdown TextBlock (Teams renders a subset of markdown on cards). Shared by every
 * feature that puts what someone typed on a card.
 */

/** Break `[label](url)` so nobody can plant a disguised link; the rest of the text stays as typed. */
export function markdownInert(text: string): string {
  return text.replace(/\]\s*\(/g, ']\u200b(');
}
