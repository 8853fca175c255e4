/**
 * Preloaded (node --require) into the Wijkbot processes that tests and benchmarks start: when the parent
 * goes away without stopping its children (a jest worker killed, forceExit, a benchmark interrupted), the
 * IPC channel closes and the child ends at once instead of serving on forever. The channel itself is
 * unref'd, so it never keeps a child alive that wants to exit.
 */
'use strict';
if (process.channel) {
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}
