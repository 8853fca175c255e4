import type { Partner } from '../../../src/features/socialMap/types';

let counter = 0;

/** A complete partner with harmless defaults; override what the test is about. */
export function partner(overrides: Partial<Partner> = {}): Partner {
  counter++;
  return {
    id: `p${counter}`,
    name: `Test Partner ${counter}`,
    organisation: null,
    discipline: 'fysiotherapie',
    expertise: [],
    wijken: [],
    postcodeAreas: [],
    address: null,
    city: 'Amsterdam',
    postcode: null,
    workdays: ['ma', 'di', 'wo', 'do', 'vr'],
    intakeStop: { active: false, until: null, note: null },
    waitWeeks: null,
    phone: null,
    email: null,
    website: null,
    communication: [],
    agb: null,
    lastCheckedAt: null,
    lastCheckedBy: null,
    ...overrides,
  };
}
