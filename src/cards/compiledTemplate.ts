/**
 * A card template (cards/*.json) compiled once into plain functions, for the templates that use only the
 * part of the Adaptive Card template language Wijkbot's cards use: `$data` over a list, `$when`, property
 * paths (`name`, `$root.labels.call`, `$data`), a comparison of a path with a literal (`note != ''`,
 * `rest > 0`), and text with paths in it ("• ${$data}").
 *
 * Why: adaptivecards-templating evaluates every `${…}` through adaptive-expressions, which builds a memory
 * object per expression and looks each property up case-insensitively through Object.keys. An RSVP
 * invitation card allocated ~110 KB per click that way, most of an RSVP storm's garbage, and a results card
 * cost ~0.5 ms. Compiled, the same cards cost a few microseconds.
 *
 * The library stays the reference: anything outside that subset (a template with another expression) is
 * expanded by it, and so is any render whose data is not plainly there (a path that is missing or null, a
 * comparison of mismatched types, a key that only matches in another case), so its substitution rules and
 * warnings apply unchanged. Under test every render is expanded both ways and must come out the same
 * (render.ts). Data values are only ever copied into the card, never read as expressions.
 */

/** Thrown while expanding: this render goes to the library instead. */
class NotPlain extends Error {}

interface Scope {
  root: unknown;
  /** the current `$data`; the root until a `$data` sets it */
  data: unknown;
}

type Expand = (scope: Scope) => unknown;
type Evaluate = (scope: Scope) => unknown;

/** adaptivecards-templating's reserved keys: never copied into the card. */
const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);
const WHOLE = /^\$\{([^{}]*)\}$/;
const PIECES = /\$\{([^{}]*)\}/g;
const PATH = /^(\$root|\$data|[A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/;
const COMPARISON = /^(\S+)\s*(==|!=|>=|<=|>|<)\s*(''|""|-?\d+(?:\.\d+)?|true|false)$/;

/** The template as a function of its data, or null when it uses more than this compiler knows. */
export function compileTemplate(template: unknown): ((root: Record<string, unknown>) => unknown) | null {
  try {
    const expand = compileNode(template);
    return (root) => expand({ root, data: root });
  } catch (err) {
    if (err instanceof NotPlain) return null;
    throw err;
  }
}

/** Runs a compiled template; undefined when this data needs the library (see the module comment). */
export function expandPlainly(compiled: (root: Record<string, unknown>) => unknown, root: Record<string, unknown>): unknown {
  try {
    return compiled(root);
  } catch (err) {
    if (err instanceof NotPlain) return undefined;
    throw err;
  }
}

function compileNode(node: unknown): Expand {
  if (typeof node === 'string') return compileString(node);
  if (Array.isArray(node)) return compileArray(node);
  if (node !== null && typeof node === 'object') return compileObject(node as Record<string, unknown>);
  return () => node;
}

function compileString(text: string): Expand {
  if (!text.includes('${')) return () => text;
  const whole = WHOLE.exec(text);
  if (whole) {
    const value = compileExpression(whole[1]!);
    return (scope) => present(value(scope));
  }
  // text with paths in it: each piece must be a plain value, joined as the library joins them
  const parts: (string | Evaluate)[] = [];
  let at = 0;
  for (const m of text.matchAll(PIECES)) {
    parts.push(text.slice(at, m.index));
    parts.push(compilePath(m[1]!.trim()));
    at = m.index! + m[0].length;
  }
  parts.push(text.slice(at));
  if (parts.some((p) => typeof p === 'string' && p.includes('${'))) throw new NotPlain();
  return (scope) => {
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string') out += p;
      else {
        const v = present(p(scope));
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new NotPlain();
        out += String(v);
      }
    }
    return out;
  };
}

/** Every element expanded; a list an element expands to is spliced in, and a dropped one (null) left out. */
function compileArray(items: unknown[]): Expand {
  const compiled = items.map(compileNode);
  return (scope) => {
    const out: unknown[] = [];
    for (const item of compiled) {
      const v = item(scope);
      if (v === null) continue;
      if (Array.isArray(v)) out.push(...v);
      else out.push(v);
    }
    return out;
  };
}

function compileObject(node: Record<string, unknown>): Expand {
  const data = node.$data === undefined ? null : wholeExpression(node.$data);
  const when = node.$when === undefined ? null : wholeExpression(node.$when);
  if (['$root', '$index', '$host', '$_acTemplateVersion'].some((k) => k in node)) throw new NotPlain();
  const props = Object.keys(node)
    .filter((k) => !RESERVED.has(k))
    .map((k) => [k, compileNode(node[k])] as const);
  const expandOne = (scope: Scope): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, expand] of props) {
      const v = expand(scope);
      if (v !== undefined) out[k] = v;
    }
    return out;
  };
  return (scope) => {
    let contexts: unknown[] = [undefined];
    if (data) {
      const value = present(data(scope));
      contexts = Array.isArray(value) ? value : [value];
    }
    const saved = scope.data;
    const out: Record<string, unknown>[] = [];
    for (const context of contexts) {
      if (context !== undefined) scope.data = context;
      // `$when` keeps the object only for a real `true`, as the library does
      if (!when || when(scope) === true) out.push(expandOne(scope));
    }
    scope.data = saved;
    return out.length === 0 ? null : out.length === 1 ? out[0] : out;
  };
}

function wholeExpression(value: unknown): Evaluate {
  const m = typeof value === 'string' ? WHOLE.exec(value) : null;
  if (!m) throw new NotPlain();
  return compileExpression(m[1]!);
}

function compileExpression(source: string): Evaluate {
  const text = source.trim();
  const cmp = COMPARISON.exec(text);
  if (!cmp) return compilePath(text);
  const left = compilePath(cmp[1]!);
  const op = cmp[2]!;
  const literal = /^(''|"")$/.test(cmp[3]!) ? '' : cmp[3] === 'true' ? true : cmp[3] === 'false' ? false : Number(cmp[3]);
  return (scope) => {
    const v = left(scope);
    // only like with like: mixed types follow adaptive-expressions' own coercions, which the library applies
    if (typeof v !== typeof literal) throw new NotPlain();
    switch (op) {
      case '==': return v === literal;
      case '!=': return v !== literal;
      case '>': return (v as number) > (literal as number);
      case '<': return (v as number) < (literal as number);
      case '>=': return (v as number) >= (literal as number);
      default: return (v as number) <= (literal as number);
    }
  };
}

function compilePath(text: string): Evaluate {
  const m = PATH.exec(text);
  if (!m) throw new NotPlain();
  const head = m[1]!;
  const rest = m[2] ? m[2].slice(1).split('.') : [];
  const start = head === '$root' ? (s: Scope) => s.root : head === '$data' ? (s: Scope) => s.data : null;
  const steps = start ? rest : [head, ...rest];
  return (scope) => {
    let v: unknown = start ? start(scope) : scope.data;
    for (const step of steps) v = property(v, step);
    return v;
  };
}

/** adaptive-expressions reads a property case-insensitively: a key that matches only that way goes to the library. */
function property(instance: unknown, name: string): unknown {
  if (!instance || typeof instance !== 'object') return undefined;
  const record = instance as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(record, name)) return record[name];
  const lower = name.toLowerCase();
  if (Object.keys(record).some((k) => k.toLowerCase() === lower)) throw new NotPlain();
  return undefined;
}

/** A value the card shows must be there: the library writes a missing or null one back as `${path}`. */
function present(v: unknown): unknown {
  if (v === undefined || v === null) throw new NotPlain();
  return v;
}
