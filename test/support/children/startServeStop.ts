/**
 * Child process for the shutdown test: starts Wijkbot with its job timer running, serves a few turns that
 * call the connector, stops it — and then does NOT call process.exit. If anything in Wijkbot still holds
 * the event loop (a server, a socket, a timer, the database), this process never ends and the test fails.
 */
import { startWijkbot } from '../../../src';
import { personalMessage } from '../activities';
import { ConnectorStub } from '../connectorStub';
import { importRoster, USERS } from '../roster';

async function main(): Promise<void> {
  const stub = await new ConnectorStub().start();
  const bot = await startWijkbot({
    env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: process.env.DATA_DIR!, SEED_DEMO: 'true', LOG_LEVEL: 'silent' },
  });
  await importRoster(bot);
  for (const text of ['help', 'wie ben ik', 'fysio oost']) {
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(personalMessage(stub.url, USERS.gpOost, text)),
    });
    if (res.status >= 300) throw new Error(`turn '${text}' answered ${res.status}`);
  }
  await bot.services.jobs.runDue();
  await bot.stop(); // without waiting for background work first: stop() has to

  await stub.stop();
  console.log(`stopped after ${stub.sent.length} connector calls`);
}

main().catch((err) => {
  console.error((err as Error).message);
  process.exitCode = 1;
});
