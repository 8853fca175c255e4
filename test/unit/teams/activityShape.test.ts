import fs from 'node:fs';
import path from 'node:path';
import { checkActivityShape, explainShape, wellFormed } from '../../../src/teams/edge/activityShape';

const FIXTURES = path.resolve(__dirname, '../../fixtures/teams');

test.each(fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && !f.includes('.partial.')))('real Teams activity %s passes the edge check', (file) => {
  const activity = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')).activity;
  expect(checkActivityShape(activity)).toEqual({ ok: true });
});

test('problems name the path and the kind of problem, never the value', () => {
  const activity = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'personal-message.json'), 'utf8')).activity;
  activity.from.aadObjectId = 'x'.repeat(500) + 'GEHEIM';
  activity.entities = [{ type: 'mention', mentioned: { id: 42 } }];
  const verdict = checkActivityShape(activity);
  expect(verdict).toEqual({ ok: false, problems: ['from.aadObjectId: too_big', 'entities.0.mentioned.id: invalid_type'] });
});

test('an invoke named like a member of every object ("constructor", "toString") is an unknown invoke, not a crash', () => {
  const activity = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'personal-message.json'), 'utf8')).activity;
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    expect(checkActivityShape({ ...activity, type: 'invoke', name, value: {} })).toEqual({ ok: true });
    // with a real problem elsewhere, the problem is named (the full check ran, and did not throw)
    expect(checkActivityShape({ ...activity, type: 'invoke', name, value: {}, recipient: undefined })).toEqual({ ok: false, problems: ['recipient: invalid_type'] });
  }
});

// ---- the common case's own check (wellFormed) says yes only where the schemas do ------------------------

describe('the fast check of the common case', () => {
  const fixtures = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && !f.includes('.partial.'));
  const load = (file: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')).activity as Record<string, unknown>;

  test.each(fixtures.filter((f) => !f.includes('composeExtension')))('answers real Teams activity %s without the schemas', (file) => {
    expect(wellFormed(load(file))).toBe(true);
  });

  /** Every path the fixture has, and the ones the schemas read that it may lack. */
  function pathsOf(value: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
    if (prefix.length) out.push(prefix);
    if (value && typeof value === 'object' && prefix.length < 5) for (const k of Object.keys(value)) pathsOf((value as Record<string, unknown>)[k], [...prefix, k], out);
    return out;
  }
  const READ_BY_SCHEMAS = [
    'id', 'name', 'locale', 'localTimezone', 'text', 'replyToId', 'from.name', 'from.aadObjectId', 'recipient.name', 'recipient.aadObjectId',
    'conversation.conversationType', 'conversation.tenantId', 'channelData.tenant.id', 'channelData.team.id', 'channelData.channel.id',
    'entities.0.type', 'entities.0.mentioned.id', 'entities.0.mentioned.name', 'entities.0.text', 'membersAdded.0.id',
    'value.trigger', 'value.action.type', 'value.action.verb', 'value.action.data', 'value.commandId', 'value.parameters', 'value.queryOptions.skip',
  ].map((p) => p.split('.'));
  const longString = (n: number) => 'x'.repeat(n);
  const BAD: unknown[] = [undefined, null, 42, 1.5, -1, true, '', {}, [], [{}], { id: 7 }, Object.create({ inherited: 1 }), new Date(0), new (class Box {})(), ...[63, 64, 65, 128, 129, 200, 201, 1024, 1025, 100_000, 100_001].map(longString)];

  function withValue(activity: Record<string, unknown>, at: string[], value: unknown): Record<string, unknown> {
    const copy = structuredClone(activity);
    let node = copy as Record<string, unknown>;
    for (const k of at.slice(0, -1)) {
      if (!node[k] || typeof node[k] !== 'object') node[k] = /^\d+$/.test(at[at.indexOf(k) + 1] ?? '') ? [{ type: 'mention' }] : {};
      node = node[k] as Record<string, unknown>;
    }
    if (value === undefined) delete node[at.at(-1)!];
    else node[at.at(-1)!] = value;
    return copy;
  }

  test('on every field of every fixture set to a wrong type, length or shape, it never accepts what the schemas refuse', () => {
    let tried = 0;
    let refused = 0;
    for (const file of fixtures) {
      const activity = load(file);
      for (const name of [undefined, 'adaptiveCard/action', 'composeExtension/query']) {
        const base = name ? { ...activity, type: 'invoke', name } : activity;
        for (const at of [...pathsOf(base), ...READ_BY_SCHEMAS]) {
          for (const bad of BAD) {
            const mutated = withValue(base, at, bad);
            const full = explainShape(mutated);
            tried++;
            if (!full.ok) refused++;
            // checkActivityShape is wellFormed, else the schemas: it agrees with them exactly when this holds
            if (wellFormed(mutated)) expect({ path: at.join('.'), value: bad, verdict: full }).toEqual({ path: at.join('.'), value: bad, verdict: { ok: true } });
          }
        }
      }
    }
    // the mutations do reach the schemas' limits: a good share of them is refused
    expect(refused).toBeGreaterThan(tried / 3);
  }, 60_000); // every mutation goes through zod: ~3 s here, more on a loaded CI machine
});
