import { voterKey } from '../../../src/features/polls/anonymity';
import { exportToken, verifyExportToken } from '../../../src/features/polls/exportLink';

const secret = 'a-server-secret-of-enough-length-0123456789';

describe('ballot keys', () => {
  test('the same person in the same poll always gets the same key (so a second ballot is a duplicate key)', () => {
    expect(voterKey(secret, 1, 'person-a')).toBe(voterKey(secret, 1, 'person-a'));
  });
  test('keys differ per poll, per person and per secret, and do not contain the person', () => {
    const k = voterKey(secret, 1, 'person-a');
    expect(new Set([k, voterKey(secret, 2, 'person-a'), voterKey(secret, 1, 'person-b'), voterKey('other-secret', 1, 'person-a')]).size).toBe(4);
    expect(k).not.toContain('person');
    expect(k).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('export links', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const claim = { pollId: 12, personId: 'cmabc123', expiresAt: now.getTime() + 60_000 };

  test('a fresh link verifies to its claim', () => {
    expect(verifyExportToken(secret, exportToken(secret, claim), now)).toEqual(claim);
  });
  test('an expired, altered or foreign link does not', () => {
    const token = exportToken(secret, claim);
    expect(verifyExportToken(secret, token, new Date(claim.expiresAt + 1))).toBeNull();
    expect(verifyExportToken(secret, token.replace(/^12\./, '13.'), now)).toBeNull();
    expect(verifyExportToken(secret, token.replace('cmabc123', 'cmother1'), now)).toBeNull();
    expect(verifyExportToken('another-secret', token, now)).toBeNull();
    expect(verifyExportToken(secret, '../../etc/passwd', now)).toBeNull();
  });
});
