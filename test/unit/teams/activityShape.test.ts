import fs from 'node:fs';
import path from 'node:path';
import { checkActivityShape } from '../../../src/teams/edge/activityShape';

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
