import { isLoopbackAddress, metricsAccess } from '../../../src/metrics/access';
import { databaseErrorKind } from '../../../src/metrics/metrics';
import { turnKind } from '../../../src/metrics/turnKind';

test.each([
  ['127.0.0.1', true], ['127.8.9.10', true], ['::1', true], ['::ffff:127.0.0.1', true],
  ['10.0.0.1', false], ['::ffff:10.0.0.1', false], ['192.0.2.2', false], ['fd00::2', false], ['127.0.0.1.evil', false], ['', false], [undefined, false],
])('isLoopbackAddress(%p) is %p', (address, expected) => {
  expect(isLoopbackAddress(address)).toBe(expected);
});

test('with a token, the socket address does not matter and only the exact bearer token passes', () => {
  const token = 'x'.repeat(40);
  expect(metricsAccess(`Bearer ${token}`, '10.0.0.1', token)).toBe('allowed');
  expect(metricsAccess(`bearer  ${token} `, '10.0.0.1', token)).toBe('allowed');
  expect(metricsAccess(undefined, '127.0.0.1', token)).toBe('token_required');
  expect(metricsAccess(`Bearer ${token.slice(1)}`, '127.0.0.1', token)).toBe('token_wrong');
  expect(metricsAccess(`Bearer ${token} extra`, '127.0.0.1', token)).toBe('token_required');
});

test('without a token, only loopback is allowed, whatever the Authorization header says', () => {
  expect(metricsAccess('Bearer anything', '127.0.0.1', undefined)).toBe('allowed');
  expect(metricsAccess('Bearer anything', '192.0.2.2', undefined)).toBe('not_loopback');
});

test('label values are bounded: unknown activity types and database messages fall into fixed buckets', () => {
  expect(turnKind({ type: 'invoke', name: 'adaptiveCard/action' })).toBe('card_action');
  expect(turnKind({ type: 'invoke', name: 'x'.repeat(50) })).toBe('invoke_other');
  expect(turnKind({ type: 'Dirk Huisarts' })).toBe('other');
  expect(turnKind(null)).toBe('other');
  expect(databaseErrorKind('Unique constraint failed on the fields: (`slug`)')).toBe('unique_violation');
  expect(databaseErrorKind('database disk image is malformed')).toBe('corrupt');
  expect(databaseErrorKind('SQLITE_BUSY: database is locked')).toBe('busy');
  expect(databaseErrorKind('SQLITE_FULL: database or disk is full')).toBe('io');
  expect(databaseErrorKind('something about "Dirk"')).toBe('other');
});
