import { CommandRouter } from '../../../src/teams/commandRouter';
import type { CommandSpec } from '../../../src/teams/featureModule';

const spec = (names: string[]): CommandSpec => ({ names, help: { nl: names[0], en: names[0] }, run: async () => undefined });

describe('command routing', () => {
  const rol = spec(['rol']);
  const rolWeg = spec(['rol weg']);
  const who = spec(['wie ben ik']);
  const router = new CommandRouter([rol, rolWeg, who]);

  test('a multi-word name wins over its prefix', () => {
    expect(router.route('rol weg huisarts a@b.nl')).toMatchObject({ spec: rolWeg, args: 'huisarts a@b.nl' });
    expect(router.route('rol huisarts a@b.nl')).toMatchObject({ spec: rol, args: 'huisarts a@b.nl' });
  });

  test('matching ignores case, accents and extra spaces, but needs a word boundary', () => {
    expect(router.route('  Wie   BEN ik ')?.spec).toBe(who);
    expect(router.route('rollator')).toBeNull();
  });

  test('registering a name twice is a programming error', () => {
    expect(() => new CommandRouter([spec(['help']), spec(['HELP'])])).toThrow(/twice/);
  });
});
