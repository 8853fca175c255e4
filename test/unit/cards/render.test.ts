import { CardTemplateError, inert, renderCard, templateNames } from '../../../src/cards/render';
import { catalogParts } from '../../../src/i18n/catalog';
import { t } from '../../../src/i18n';

describe('card rendering', () => {
  test('user text that looks like a template expression is shown, never evaluated', () => {
    const card = renderCard('message', { title: '${1+1} ${$root.title}', lines: ['${lines}'], color: 'Default' });
    const json = JSON.stringify(card);
    expect(json).not.toContain('"2"');
    expect(json).toContain('$\u200b{1+1}');
    // expanding the result again (a second expansion elsewhere) still evaluates nothing
    const again = renderCard('message', { title: (card as any).body[0].text, lines: [], color: 'Default' });
    expect(JSON.stringify(again)).toContain('$\u200b{1+1}');
  });

  test('a property missing from the data fails loudly instead of showing ${...}', () => {
    expect(() => renderCard('message', { lines: [] })).toThrow(CardTemplateError);
  });

  test('usage hints and typed tags are shown with angle quotes instead of vanishing as HTML', () => {
    expect(inert('rol <rol> <@persoon of e-mail>')).toBe('rol ‹rol› ‹@persoon of e-mail›');
    expect(inert('<script>alert(1)</script>')).toBe('‹script›alert(1)‹/script›');
    expect(inert('eGFR < 30 en > 15')).toBe('eGFR < 30 en > 15');
  });

  test('inert leaves non-string values alone', () => {
    expect(inert({ a: 1, b: true, c: null, d: ['${x}'] })).toEqual({ a: 1, b: true, c: null, d: ['$\u200b{x}'] });
  });

  test('inert reaches user text at any depth and never changes the data it was given', () => {
    const data = { title: 'Fysio', results: [{ name: 'Praktijk ${1+1}', tags: ['rug', '<b>nek</b>'] }, { name: 'Gewoon' }], more: { offset: 5 } };
    const before = JSON.parse(JSON.stringify(data));
    const out = inert(data) as typeof data;
    expect(out).toEqual({ title: 'Fysio', results: [{ name: 'Praktijk $\u200b{1+1}', tags: ['rug', '‹b›nek‹/b›'] }, { name: 'Gewoon' }], more: { offset: 5 } });
    expect(data).toEqual(before);
  });

  test('every template is valid JSON with a version ≥ 1.4 when it uses Action.Execute, and every Action.Execute has a verb', () => {
    const fs = require('node:fs');
    const path = require('node:path');
    for (const name of templateNames()) {
      const text = fs.readFileSync(path.resolve(__dirname, '../../../cards', `${name}.json`), 'utf8');
      const card = JSON.parse(text);
      expect(card.type).toBe('AdaptiveCard');
      expect(card.version).toMatch(/^1\.\d$/);
      const executes: any[] = [];
      const walk = (node: any) => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(walk);
        if (node.type === 'Action.Execute') executes.push(node);
        Object.values(node).forEach(walk);
      };
      walk(card);
      if (executes.length) {
        expect(Number(card.version.split('.')[1])).toBeGreaterThanOrEqual(4);
        for (const action of executes) expect({ name, verb: typeof action.verb }).toEqual({ name, verb: 'string' });
      }
    }
  });
});

describe('message catalogue', () => {
  test('no code is defined by two features, and every text has Dutch and English', () => {
    const seen = new Map<string, string>();
    for (const [part, messages] of Object.entries(catalogParts)) {
      for (const [code, text] of Object.entries(messages)) {
        expect({ code, other: seen.get(code) }).toEqual({ code, other: undefined });
        seen.set(code, part);
        expect(text.nl.trim().length).toBeGreaterThan(0);
        expect(text.en.trim().length).toBeGreaterThan(0);
      }
    }
  });

  test('placeholders are filled as plain text', () => {
    expect(t('nl', 'groups.unknownGroup', { name: '${evil}' })).toBe('Ik ken geen wijkgroep "${evil}". Typ **wijkgroepen** voor de lijst.');
    expect(t('en', 'common.unexpected', { ref: 'ab12cd34' })).toContain('ab12cd34');
  });
});
