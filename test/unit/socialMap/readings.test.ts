/**
 * The service keeps the readings of recent texts (a chat text is read twice on its turn). What it keeps
 * may never outlive the map it was read on: a tag or a name that arrives later must change the very next
 * reading of the same text, and the asker's own wijk is filled in per asker, never shared.
 */
import { SocialMapService } from '../../../src/features/socialMap/service';
import type { Actor } from '../../../src/features/groups/types';
import { partner } from './fixtures';

function service(): SocialMapService {
  // only the in-memory index is used here: parse() never touches the database
  return new SocialMapService({ db: null as never, clock: () => new Date('2026-11-23T11:00:00Z') });
}

describe('readings of a text', () => {
  it('a tag that arrives on the map changes the next reading of the same text', () => {
    const svc = service();
    svc.index.upsert(partner({ id: 'a', discipline: 'fysiotherapie', expertise: ['rug'] }));
    const before = svc.parse('fysio zwangerschapsyoga');
    expect(before.expertise).not.toContain('zwangerschapsyoga');
    svc.index.upsert(partner({ id: 'b', discipline: 'fysiotherapie', expertise: ['zwangerschapsyoga'] }));
    const after = svc.parse('fysio zwangerschapsyoga');
    expect(after.expertise).toContain('zwangerschapsyoga');
  });

  it('a kept reading cannot be changed by whoever received it', () => {
    const svc = service();
    svc.index.upsert(partner({ id: 'a', discipline: 'fysiotherapie' }));
    const first = svc.parse('fysio noord');
    expect(() => (first.disciplines as string[]).push('logopedie')).toThrow(TypeError);
    expect(svc.parse('fysio noord').disciplines).toEqual(['fysiotherapie']);
  });

  it('"in mijn wijk" is filled in for each asker, from a reading they share', () => {
    const svc = service();
    svc.index.upsert(partner({ id: 'a', discipline: 'fysiotherapie', wijken: ['noord', 'zuid'] }));
    const asker = (wijk: string) => ({ roles: [{ role: 'member', groupName: `Wijkgroep ${wijk}` }] }) as unknown as Pick<Actor, 'roles'>;
    const noord = svc.parse('fysio in mijn wijk', asker('noord'));
    const zuid = svc.parse('fysio in mijn wijk', asker('zuid'));
    expect({ noord: noord.areas.wijken, zuid: zuid.areas.wijken }).toEqual({ noord: ['noord'], zuid: ['zuid'] });
  });
});
