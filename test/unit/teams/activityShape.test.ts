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
