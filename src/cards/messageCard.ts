import { renderCard } from './render';

export type Tone = 'default' | 'good' | 'warning' | 'attention';

/** A short titled card with lines of text: confirmations, refusals, errors, help. */
export function messageCard(title: string, lines: string[], tone: Tone = 'default'): Record<string, unknown> {
  return renderCard('message', { title, lines, color: tone === 'default' ? 'Default' : tone === 'good' ? 'Good' : tone === 'warning' ? 'Warning' : 'Attention' });
}
