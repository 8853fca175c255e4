import { parsePartnerCsv, partnerIdentityKey, toPartnerCsv } from '../../../src/features/socialMap/csvFormat';
import { DEMO_REFERENCE_DATE, generatePartners } from '../../../src/features/socialMap/demoData';
import { isDisciplineCode } from '../../../src/features/socialMap/disciplines';
import { checkDutchPhone, checkEmail } from '../../../src/features/socialMap/formats';
import { stalePartners } from '../../../src/features/socialMap/freshness';
import { getWijk } from '../../../src/features/socialMap/wijken';

describe('generatePartners', () => {
  const partners = generatePartners(400, 1);

  it('is deterministic per seed', () => {
    expect(generatePartners(50, 1)).toEqual(partners.slice(0, 50));
    expect(generatePartners(50, 2)).not.toEqual(partners.slice(0, 50));
  });

  it('produces valid, unique entries that survive the CSV importer', () => {
    const ids = new Set(partners.map((p) => p.id));
    const keys = new Set(partners.map(partnerIdentityKey));
    expect(ids.size).toBe(400);
    expect(keys.size).toBe(400);
    for (const p of partners) {
      expect(isDisciplineCode(p.discipline)).toBe(true);
      for (const w of p.wijken) expect(getWijk(w)).toBeDefined();
      if (p.phone) expect(checkDutchPhone(p.phone)).toEqual({ ok: true, value: p.phone });
      if (p.email) expect(p.email.endsWith('.example')).toBe(true);
      if (p.email) expect(checkEmail(p.email, 254).ok).toBe(true);
    }
    expect(parsePartnerCsv(toPartnerCsv(partners)).ok).toBe(true);
  });

  it('has the variety a demo needs', () => {
    const stops = partners.filter((p) => p.intakeStop.active);
    expect(stops.some((p) => p.intakeStop.until === null)).toBe(true);
    expect(stops.some((p) => p.intakeStop.until !== null && p.intakeStop.until < DEMO_REFERENCE_DATE)).toBe(true);
    expect(stops.some((p) => p.intakeStop.until !== null && p.intakeStop.until >= DEMO_REFERENCE_DATE)).toBe(true);
    expect(partners.some((p) => p.lastCheckedAt === null)).toBe(true);
    expect(stalePartners(partners, new Date(`${DEMO_REFERENCE_DATE}T12:00:00Z`)).length).toBeGreaterThan(40);
    expect(new Set(partners.map((p) => p.communication[0])).size).toBeGreaterThanOrEqual(5);
    expect(new Set(partners.flatMap((p) => p.wijken)).size).toBe(13);
    expect(new Set(partners.map((p) => p.discipline)).size).toBeGreaterThan(20);
  });
});
