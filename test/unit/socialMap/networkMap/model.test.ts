import { buildNetworkMap, partnersServing } from '../../../../src/features/socialMap/networkMap/model';
import { dateToInstant } from '../../../../src/features/socialMap/formats';
import { partner } from '../fixtures';

/** Thursday 3 Dec 2026, 10:00 in Amsterdam */
const NOW = new Date('2026-12-03T09:00:00Z');
const OOST = { kind: 'group' as const, name: 'Oost', wijken: ['oost'] };
const checked = (ymd: string) => dateToInstant(ymd);

describe('which partners are on a wijk’s netwerkkaart', () => {
  test('a partner is on it by its wijken, a postcode area in the wijk or its own address in the wijk; others are not', () => {
    const byWijk = partner({ name: 'Via wijk', wijken: ['oost'] });
    const byArea = partner({ name: 'Via postcodegebied', postcodeAreas: ['1093'] });
    const byAddress = partner({ name: 'Via adres', postcode: '1094 AB' });
    const elsewhere = partner({ name: 'Noord', wijken: ['noord'], postcode: '1021 AA' });
    const nowhere = partner({ name: 'Zonder gebied' });
    const found = partnersServing([byWijk, byArea, byAddress, elsewhere, nowhere], ['oost']).map((p) => p.name);
    expect(found.sort()).toEqual(['Via adres', 'Via postcodegebied', 'Via wijk']);
  });

  test('partners are grouped under their top-level discipline, specialists with their parent; an unknown discipline is its own group', () => {
    const model = buildNetworkMap(
      [
        partner({ name: 'Bekken', discipline: 'bekkenfysiotherapie', wijken: ['oost'] }),
        partner({ name: 'Algemeen', discipline: 'fysiotherapie', wijken: ['oost'] }),
        partner({ name: 'Logo', discipline: 'logopedie', wijken: ['oost'] }),
        partner({ name: 'Post', discipline: 'huisartsenpost-eigen', wijken: ['oost'] }),
      ],
      OOST,
      NOW,
    );
    expect(model.clusters.map((c) => [c.discipline, c.entries.map((e) => e.name)])).toEqual([
      ['fysiotherapie', ['Algemeen', 'Bekken']],
      ['logopedie', ['Logo']],
      ['huisartsenpost-eigen', ['Post']],
    ]);
    expect(model.total).toBe(4);
  });

  test('an intake stop counts while in force (until today inclusive, or open-ended); one that has ended does not', () => {
    const model = buildNetworkMap(
      [
        partner({ name: 'Open', wijken: ['oost'], intakeStop: { active: true, until: null, note: null }, lastCheckedAt: checked('2026-11-20') }),
        partner({ name: 'Tot vandaag', wijken: ['oost'], intakeStop: { active: true, until: '2026-12-03', note: null }, lastCheckedAt: checked('2026-11-20') }),
        partner({ name: 'Voorbij', wijken: ['oost'], intakeStop: { active: true, until: '2026-12-02', note: null }, lastCheckedAt: checked('2026-11-20') }),
        partner({ name: 'Geen', wijken: ['oost'], lastCheckedAt: checked('2026-11-20') }),
      ],
      OOST,
      NOW,
    );
    const stop = Object.fromEntries(model.clusters[0]!.entries.map((e) => [e.name, e.intakeStop]));
    expect(stop).toEqual({ Open: { until: null }, 'Tot vandaag': { until: '2026-12-03' }, Voorbij: null, Geen: null });
    expect(model.intakeStops).toBe(2);
  });

  test('stale = never checked or more than 90 days ago (as on result cards); the preferred contact is the first listed', () => {
    const model = buildNetworkMap(
      [
        partner({ name: 'Vers', wijken: ['oost'], lastCheckedAt: checked('2026-09-04'), communication: ['siilo', 'telefoon'] }),
        partner({ name: 'Oud', wijken: ['oost'], lastCheckedAt: checked('2026-09-03') }),
        partner({ name: 'Nooit', wijken: ['oost'], lastCheckedAt: null, communication: ['zorgdomein'] }),
      ],
      OOST,
      NOW,
    );
    const entries = Object.fromEntries(model.clusters[0]!.entries.map((e) => [e.name, [e.stale, e.lastChecked, e.contact]]));
    expect(entries).toEqual({ Vers: [false, '2026-09-04', 'siilo'], Oud: [true, '2026-09-03', null], Nooit: [true, null, 'zorgdomein'] });
    expect(model.stale).toBe(2);
    expect(model.madeOn).toBe('2026-12-03');
  });
});
