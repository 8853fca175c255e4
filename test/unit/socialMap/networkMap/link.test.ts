import { NETWORK_MAP_LINK_TTL_MS, networkMapPath, verifyNetworkMapLink } from '../../../../src/features/socialMap/networkMap/link';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const NOW = new Date('2026-12-03T09:00:00Z');
const claim = { map: 'g.oost', personId: 'cmabc123def456ghi789jkl01', locale: 'nl' as const, expiresAt: NOW.getTime() + NETWORK_MAP_LINK_TTL_MS };

function parts(path: string): [string, string] {
  const m = /^\/netwerkkaart\/([^/]+)\/([^/]+)$/.exec(path)!;
  return [m[1]!, m[2]!];
}

describe('netwerkkaart links', () => {
  test('a fresh link verifies to what it was made for, in either format', () => {
    for (const format of ['png', 'pdf'] as const) {
      const [map, file] = parts(networkMapPath(SECRET, claim, format));
      expect(verifyNetworkMapLink(SECRET, map, file, NOW)).toEqual({ claim, format });
    }
  });

  test('it stops working at its expiry, a week later', () => {
    const [map, file] = parts(networkMapPath(SECRET, claim, 'png'));
    expect(verifyNetworkMapLink(SECRET, map, file, new Date(claim.expiresAt - 1))).not.toBeNull();
    expect(verifyNetworkMapLink(SECRET, map, file, new Date(claim.expiresAt))).toBeNull();
  });

  test('another secret, or any changed part, does not verify', () => {
    const [map, file] = parts(networkMapPath(SECRET, claim, 'png'));
    expect(verifyNetworkMapLink(`${SECRET}x`, map, file, NOW)).toBeNull();
    expect(verifyNetworkMapLink(SECRET, 'g.noord', file, NOW)).toBeNull();
    expect(verifyNetworkMapLink(SECRET, map, file.replace(claim.personId, 'cmabc123def456ghi789jkl02'), NOW)).toBeNull();
    expect(verifyNetworkMapLink(SECRET, map, file.replace('.nl.', '.en.'), NOW)).toBeNull();
    expect(verifyNetworkMapLink(SECRET, map, file.replace(/\.([0-9a-z]+)\.([A-Za-z0-9_-]{22})\./, (_m, e: string, s: string) => `.${(parseInt(e, 36) + 1).toString(36)}.${s}.`), NOW)).toBeNull();
  });

  test('malformed input is refused before any crypto: path tricks, odd formats, overlong parts', () => {
    const [, file] = parts(networkMapPath(SECRET, claim, 'png'));
    for (const map of ['', '..', 'g.', 'g.oost/../x', 'x.oost', 'g.Oost', `g.${'a'.repeat(80)}`]) expect(verifyNetworkMapLink(SECRET, map, file, NOW)).toBeNull();
    for (const f of ['', file.replace(/\.png$/, '.svg'), file.replace(/\.png$/, ''), `${file}.png`, `../${file}`]) expect(verifyNetworkMapLink(SECRET, 'g.oost', f, NOW)).toBeNull();
  });

  test('the path stays under restify’s 100-character limit per path segment', () => {
    const [map, file] = parts(networkMapPath(SECRET, { ...claim, map: 'w.bos-en-lommer.nieuw-west.slotervaart' }, 'pdf'));
    expect(map.length).toBeLessThan(100);
    expect(file.length).toBeLessThan(100);
  });
});
