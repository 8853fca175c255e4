/** Where the bot listens when HOST is not set: loopback only without credentials (nothing is authenticated then). */
import { loadConfig } from '../../../src/config';

const CREDENTIALS = { MicrosoftAppId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', MicrosoftAppPassword: 'geheim', MicrosoftAppTenantId: '50612dbb-0237-4969-b378-8d42590f9c00' };

test('anonymous development mode listens on 127.0.0.1 unless HOST is set', () => {
  expect(loadConfig({}).host).toBe('127.0.0.1');
  expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
});

test('with credentials every interface, unless HOST is set', () => {
  expect(loadConfig(CREDENTIALS).host).toBe('0.0.0.0');
  expect(loadConfig({ ...CREDENTIALS, HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
});
