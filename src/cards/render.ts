/**
 * The one place that expands Adaptive Card templates (cards/*.json). Layout lives in the templates; data
 * is passed as `$root` and expanded exactly once. User text is made inert before expansion (see inert):
 * `${` becomes `$\u200b{` (a zero-width space the reader does not see), so nothing a user types can ever be
 * evaluated as a template expression, even if a card were expanded again somewhere. A leftover `${` after expansion
 * therefore always means a template bug (a property missing from the data), and rendering fails loudly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as ACData from 'adaptivecards-templating';
import { projectRoot } from '../db/migrate';
import { compileTemplate, expandPlainly } from './compiledTemplate';

interface LoadedTemplate {
  /** the reference expansion (adaptivecards-templating) */
  library: ACData.Template;
  /** the same template compiled (compiledTemplate.ts); null when it uses more than the compiler knows */
  compiled: ((root: Record<string, unknown>) => unknown) | null;
}

const templates = new Map<string, LoadedTemplate>();

/**
 * Under test every card is expanded both ways and the two must agree, so the compiled expansion is held
 * to the library's on every card the suites render. Also on with WIJKBOT_CARD_CROSSCHECK=1.
 */
const CROSS_CHECK = process.env.JEST_WORKER_ID !== undefined || process.env.WIJKBOT_CARD_CROSSCHECK === '1';

function templatesDir(): string {
  return path.join(projectRoot(), 'cards');
}

function template(name: string): LoadedTemplate {
  let t = templates.get(name);
  if (!t) {
    const file = path.join(templatesDir(), `${name}.json`);
    const json: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    t = { library: new ACData.Template(json), compiled: compileTemplate(json) };
    templates.set(name, t);
  }
  return t;
}

/**
 * The compiled expansion when the template and this data allow it, else the library's. `compiled`: every
 * expression of the template was evaluated and every value was present (compiledTemplate.ts), so no `${`
 * can be left over; the library's expansion writes a missing value back as `${path}`.
 */
function expand(name: string, root: Record<string, unknown>): { card: Record<string, unknown>; compiled: boolean } {
  const t = template(name);
  const fast = t.compiled ? expandPlainly(t.compiled, root) : undefined;
  if (fast === undefined) return { card: t.library.expand({ $root: root }) as Record<string, unknown>, compiled: false };
  if (CROSS_CHECK) {
    const reference = t.library.expand({ $root: root });
    if (!isDeepStrictEqual(fast, reference)) throw new CardTemplateError(`card "${name}": the compiled expansion differs from adaptivecards-templating's`);
  }
  return { card: fast as Record<string, unknown>, compiled: true };
}

/**
 * Text that can never act as markup: `${` cannot start an expression, and `<word>` (usage hints such as
 * "rol <rol>", or anything a user types) is shown with angle quotes instead of being swallowed as an HTML
 * tag by the Teams renderer. A lone "<" or ">" ("a < b") is left alone.
 */
export function inert(value: unknown): unknown {
  if (typeof value === 'string') {
    // most strings hold neither: skip both regexes (a results card has hundreds of strings)
    if (!value.includes('${') && !value.includes('<')) return value;
    return tagsAsText(value.replace(/\$\{/g, '$\u200b{'));
  }
  // Arrays and objects are copied only where something inside changes: most card data has nothing to
  // make inert, and copying all of it was most of what rendering a results card allocated. What is not
  // copied is shared with the caller's data, as the card shares it when a template embeds it whole.
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const w = inert(v);
      if (out === null && w !== v) out = value.slice(0, i);
      if (out !== null) out.push(w);
    }
    return out ?? value;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const source = value as Record<string, unknown>;
    let out: Record<string, unknown> | null = null;
    for (const k of Object.keys(source)) {
      const v = source[k];
      const w = inert(v);
      if (out === null && w !== v) out = { ...source };
      if (out !== null) out[k] = w;
    }
    return out ?? value;
  }
  return value;
}

/**
 * `<word>` shown as ‹word›: Teams treats it as an HTML tag and shows nothing, in cards and in plain chat
 * messages alike ("rol <rol> <@persoon>" would read "rol  "). A lone "<" or ">" is left alone.
 */
export function tagsAsText(value: string): string {
  return value.includes('<') ? value.replace(/<([^<>\s][^<>\n]{0,80})>/g, '‹$1›') : value;
}

/**
 * What a card input sends back is what inert() put in it (a prefilled theme, question or verslag): take
 * out the invisible zero-width space again so it is not stored as part of the user's text. Angle quotes
 * stay: a user may have typed them, and they read the same.
 */
export function fromCardInput(value: string): string {
  return value.replace(/\$\u200b\{/g, '${');
}

export class CardTemplateError extends Error {}

export function renderCard(name: string, data: Record<string, unknown>): Record<string, unknown> {
  const { card, compiled } = expand(name, inert(data) as Record<string, unknown>);
  if (compiled) return card; // nothing left unexpanded (see expand); the check below stringified every card
  const text = JSON.stringify(card);
  if (text.includes('${')) {
    const at = text.indexOf('${');
    throw new CardTemplateError(`card "${name}": unexpanded expression near ${text.slice(at, at + 40)}`);
  }
  return card;
}

export function templateNames(): string[] {
  return fs.readdirSync(templatesDir()).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
}
