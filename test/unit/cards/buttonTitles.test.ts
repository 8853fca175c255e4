/**
 * Teams cuts a button title after about 20 characters ("…Noord): 2 resul"). Every title that comes from the
 * catalogue stays within that, in both languages: counts and details belong in the card's text.
 *
 * Which catalogue texts are button titles is read from the templates (the `${field}` of each Action's
 * title) and the code that fills those fields (`field: t(locale, 'key')`), so a new button is checked too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { catalog } from '../../../src/i18n/catalog';
import { fill } from '../../../src/i18n';

const ROOT = path.resolve(__dirname, '../../..');
export const MAX_BUTTON_TITLE = 20;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** `${saveTitle}`, `${labels.back}`, `${$root.labels.call}` → saveTitle, back, call (dynamic `${title}` is user content). */
function titleFields(): Set<string> {
  const fields = new Set<string>();
  for (const file of fs.readdirSync(path.join(ROOT, 'cards'))) {
    const text = fs.readFileSync(path.join(ROOT, 'cards', file), 'utf8');
    for (const m of text.matchAll(/"type": "Action\.[A-Za-z]+"[^}]*?"title": "\$\{(?:\$root\.)?(?:labels\.)?(\w+)\}"/g)) if (m[1] !== 'title') fields.add(m[1]!);
  }
  return fields;
}

/** Catalogue keys assigned to those fields anywhere in src, plus the list buttons built in code. */
function titleKeys(): Set<string> {
  const fields = titleFields();
  const keys = new Set(['summaries.actions.done', 'summaries.agreements.check', 'summaries.form.post', 'summaries.form.edit', 'intent.suggest.button']);
  for (const file of walk(path.join(ROOT, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const line of text.split('\n')) {
      const m = /^\s*(\w+): (?:clip\()?t\(/.exec(line);
      if (!m || !fields.has(m[1]!)) continue;
      for (const k of line.matchAll(/'([a-zA-Z]+\.[\w.]+)'/g)) if (k[1]! in catalog) keys.add(k[1]!);
    }
  }
  for (const key of Object.keys(catalog)) if (key.startsWith('socialMap.widenButton.')) keys.add(key);
  return keys;
}

test('the templates name their button fields and the code fills them from the catalogue', () => {
  expect(titleFields().size).toBeGreaterThan(20);
  expect(titleKeys().size).toBeGreaterThan(30);
});

test.each([...titleKeys()].sort())('"%s" fits a Teams button in Dutch and English', (key) => {
  for (const locale of ['nl', 'en'] as const) {
    const text = fill(catalog[key]![locale], { count: 12, command: 'verslag', id: 12 });
    expect({ key, locale, text, fits: text.length <= MAX_BUTTON_TITLE }).toEqual({ key, locale, text, fits: true });
  }
});
