import { FULL_SIGNATURE, linkSignature, sameSignature } from '../../../src/links/signature';
import { icsToken, listToken, sumToken, verifyIcsToken, verifyListToken, verifySumToken } from '../../../src/features/meetings/links';
import { exportToken, verifyExportToken } from '../../../src/features/polls/exportLink';
import { networkMapPath, verifyNetworkMapLink } from '../../../src/features/socialMap/networkMap/link';

const SECRET = 'test-secret-0123456789';
const MEETING = 'cm0meeting000000000001';
const PERSON = 'cm0person0000000000001';
const GROUP = 'cm0group00000000000001';
const EXPIRES = 1_800_000_000_000;
const BEFORE_EXPIRY = new Date(EXPIRES - 60_000);

/**
 * Links handed out before the features shared one signing module (made with that code): a calendar
 * subscribed to an .ics link, or a download link in a card, must keep working across the release.
 */
const ISSUED_BEFORE = {
  ics: 'OR6uL06ItDZbpU5BivOyG1FvbHz-ozwk',
  list: 'cm0meeting000000000001.cm0person0000000000001.mywpiww0.5tZFmR4uZrSGjeMLr-dAuG',
  sum: 'cm0group00000000000001.2026.cm0person0000000000001.mywpiww0.wYEVb7qIPixrGu4pbgrUgH',
  poll: '42.cm0person0000000000001.1800000000000._5-GJgDgykiO3ESmI4pj8hR6F8tXdw7778WhtgNoq7A',
  map: '/netwerkkaart/w.oost/cm0person0000000000001.nl.mywpiww0.dDM4WbnX6hHAz5c5dVF88h.png',
};

describe('link signatures', () => {
  it('links issued before still verify, and the same claims make the same links', () => {
    expect(verifyIcsToken(SECRET, MEETING, `${ISSUED_BEFORE.ics}.ics`)).toBe(true);
    expect(icsToken(SECRET, MEETING)).toBe(ISSUED_BEFORE.ics);

    expect(verifyListToken(SECRET, ISSUED_BEFORE.list, BEFORE_EXPIRY)).toEqual({ meetingId: MEETING, personId: PERSON, expiresAt: EXPIRES });
    expect(listToken(SECRET, { meetingId: MEETING, personId: PERSON, expiresAt: EXPIRES })).toBe(ISSUED_BEFORE.list);

    expect(verifySumToken(SECRET, ISSUED_BEFORE.sum, BEFORE_EXPIRY)).toEqual({ groupId: GROUP, year: 2026, personId: PERSON, expiresAt: EXPIRES });
    expect(sumToken(SECRET, { groupId: GROUP, year: 2026, personId: PERSON, expiresAt: EXPIRES })).toBe(ISSUED_BEFORE.sum);

    expect(verifyExportToken(SECRET, ISSUED_BEFORE.poll, BEFORE_EXPIRY)).toEqual({ pollId: 42, personId: PERSON, expiresAt: EXPIRES });
    expect(exportToken(SECRET, { pollId: 42, personId: PERSON, expiresAt: EXPIRES })).toBe(ISSUED_BEFORE.poll);

    const [, , map, file] = ISSUED_BEFORE.map.split('/');
    expect(verifyNetworkMapLink(SECRET, map!, file!, BEFORE_EXPIRY)).toEqual({ claim: { map: 'w.oost', personId: PERSON, locale: 'nl', expiresAt: EXPIRES }, format: 'png' });
    expect(networkMapPath(SECRET, { map: 'w.oost', personId: PERSON, locale: 'nl', expiresAt: EXPIRES }, 'png')).toBe(ISSUED_BEFORE.map);
  });

  it('a signature made for one kind of link does not open another whose payload reads the same', () => {
    const payload = `${MEETING}.${PERSON}.${EXPIRES.toString(36)}`;
    expect(linkSignature(SECRET, 'meeting-list', payload)).not.toBe(linkSignature(SECRET, 'attendance-sum', payload));
    // the same payload signed for another purpose, or under another secret, is no presentielijst link
    expect(verifyListToken(SECRET, `${payload}.${linkSignature(SECRET, 'meeting-list', payload, 22)}`, BEFORE_EXPIRY)).not.toBeNull();
    expect(verifyListToken(SECRET, `${payload}.${linkSignature(SECRET, 'attendance-sum', payload, 22)}`, BEFORE_EXPIRY)).toBeNull();
    expect(verifyListToken(SECRET, `${payload}.${linkSignature('another-secret-98765', 'meeting-list', payload, 22)}`, BEFORE_EXPIRY)).toBeNull();
  });

  it('signs with the whole HMAC unless told to cut it, and compares exactly', () => {
    const whole = linkSignature(SECRET, 'poll-export', 'x');
    expect(whole).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(whole).toHaveLength(FULL_SIGNATURE);
    expect(linkSignature(SECRET, 'poll-export', 'x', 22)).toBe(whole.slice(0, 22));
    expect(sameSignature(whole, whole)).toBe(true);
    expect(sameSignature(whole, `${whole.slice(0, -1)}${whole.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(sameSignature(whole, whole.slice(0, 22))).toBe(false);
    expect(sameSignature(whole, '')).toBe(false);
  });
});
