/**
 * Looking inside the Adaptive Cards Wijkbot sends: what a person reads, the inputs Teams would post back,
 * the buttons, and what the Adaptive Cards library (and Teams, beyond it) would object to.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

/** Every node of a card tree for which `pick` says yes, depth first, in document order. */
function collect(node: any, pick: (n: any) => boolean, out: any[] = []): any[] {
  if (!node || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    for (const n of node) collect(n, pick, out);
    return out;
  }
  if (pick(node)) out.push(node);
  for (const v of Object.values(node)) if (typeof v === 'object') collect(v, pick, out);
  return out;
}

const isType = (prefix: string) => (n: any) => typeof n.type === 'string' && n.type.startsWith(prefix);

/** All buttons (Action.*) anywhere in the card: body, action sets, the card's own actions. */
export function actionsOf(card: any): any[] {
  return collect(card, isType('Action.'));
}

/** The values of a card's inputs, as Teams sends them back with an Action.Execute. */
export function inputsOf(card: any): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of collect(card?.body, isType('Input.'))) if (n.id) out[n.id] = n.value === undefined ? '' : String(n.value);
  return out;
}

/** The text a person reads on a card (text blocks, text runs and facts), one piece per line. */
export function textsOf(card: any): string {
  const out: string[] = [];
  for (const n of collect(card?.body, () => true)) {
    if ((n.type === 'TextBlock' || n.type === 'TextRun') && typeof n.text === 'string') out.push(n.text);
    if (Array.isArray(n.facts)) for (const f of n.facts) out.push(`${f.title} ${f.value}`);
  }
  return out.join('\n');
}

/** What the Adaptive Cards library reports, plus what it misses and Teams rejects (teams-testing.md, trap 6). */
export function cardProblems(card: any): string[] {
  const problems: string[] = [];
  const ac = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  ac.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of ac.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  if (card.version !== '1.5') problems.push('version is not 1.5');
  if (JSON.stringify(card).includes('${')) problems.push('unexpanded ${...}');
  for (const a of actionsOf(card)) if (a.type === 'Action.Execute' && !a.verb) problems.push(`Action.Execute "${a.title}" has no verb`);
  return problems;
}
