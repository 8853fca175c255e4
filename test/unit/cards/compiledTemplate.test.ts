import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { compileTemplate, expandPlainly } from '../../../src/cards/compiledTemplate';

const CARDS = path.resolve(__dirname, '../../../cards');

/** The library's expansion: the reference the compiled one must match. */
function library(template: unknown, root: Record<string, unknown>): unknown {
  return new ACData.Template(template).expand({ $root: root });
}

function compiled(template: unknown, root: Record<string, unknown>): unknown {
  const c = compileTemplate(template);
  if (!c) throw new Error('template did not compile');
  return expandPlainly(c, root);
}

describe('compiled card templates', () => {
  test('every template in cards/ compiles (none is left to the slow path)', () => {
    const slow = fs.readdirSync(CARDS).filter((f) => f.endsWith('.json')).filter((f) => compileTemplate(JSON.parse(fs.readFileSync(path.join(CARDS, f), 'utf8'))) === null);
    expect(slow).toEqual([]);
  });

  const template = {
    type: 'AdaptiveCard',
    body: [
      { type: 'TextBlock', text: '${title}', size: 'Medium' },
      { $when: "${note != ''}", type: 'TextBlock', text: '${note}' },
      { $when: '${rest > 0}', type: 'TextBlock', text: 'nog ${rest} · ${label}' },
      { $when: '${flag}', type: 'TextBlock', text: 'vlag' },
      { $data: '${items}', type: 'Container', items: [{ type: 'TextBlock', text: '${name}' }, { type: 'TextBlock', text: '${$root.labels.call}' }, { $when: '${hasMail}', type: 'TextBlock', text: '${mail}' }] },
      { $data: '${lines}', type: 'TextBlock', text: '• ${$data}' },
      null,
      ['${nested}', 'vast'],
    ],
    actions: [{ type: 'Action.Execute', verb: 'x', data: '${payload}', title: '${labels.call}' }],
    refresh: { $when: '${hasRefresh}', userIds: '${ids}' },
    version: 1.5,
  };
  const data = (over: Record<string, unknown> = {}) => ({
    title: 'Fysio', note: '', rest: 0, label: 'x', flag: 'yes', // a $when that is not a real boolean drops its object
    items: [{ name: 'A', hasMail: true, mail: 'a@x.nl' }, { name: 'B', hasMail: false, mail: '' }],
    lines: ['een', 'twee'], nested: 'n', payload: { q: 'fysio', offset: 5 }, labels: { call: 'Bellen' },
    hasRefresh: false, ids: ['u1'],
    ...over,
  });

  test.each([
    ['as given', data()],
    ['a note, a rest, one item, no lines, a refresh', data({ note: 'let op', rest: 3, items: [{ name: 'C', hasMail: true, mail: 'c@x.nl' }], lines: [], hasRefresh: true, flag: true })],
    ['no items at all', data({ items: [] })],
  ])('expands like adaptivecards-templating: %s', (_, root) => {
    const ours = compiled(template, root);
    expect(ours).toBeDefined();
    expect(ours).toEqual(library(template, root));
  });

  test('leaves to the library what it does not plainly know: a missing or null value, mixed types, a key in another case', () => {
    expect(compiled(template, data({ title: undefined }))).toBeUndefined();
    expect(compiled(template, data({ title: null }))).toBeUndefined();
    expect(compiled(template, data({ rest: '3' }))).toBeUndefined();
    expect(compiled(template, { ...data(), title: undefined, Title: 'Fysio' })).toBeUndefined();
  });

  test('does not compile an expression outside its part of the language', () => {
    expect(compileTemplate({ text: "${if(a, 'x', 'y')}" })).toBeNull();
    expect(compileTemplate({ text: '${$index}' })).toBeNull();
    expect(compileTemplate({ $data: ['literal'], text: 'x' })).toBeNull();
  });

  test('copies data values into the card, never reads them as expressions', () => {
    const out = compiled({ text: '${t}', more: 'a ${t} b' }, { t: '${labels.call}' }) as Record<string, string>;
    expect(out).toEqual({ text: '${labels.call}', more: 'a ${labels.call} b' });
  });
});
