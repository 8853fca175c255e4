/**
 * Preloaded (node --require) into the Wijkbot processes that tests and benchmarks start: when the parent
 * goes away without stopping its children (a jest worker killed, forceExit, a benchmark interrupted), the
 * IPC channel closes and the child ends at once instead of serving on forever, removing the scratch
 * folder it was given (WIJKBOT_SCRATCH_DIR), which its parent no longer can. The channel itself is
 * unref'd, so it never keeps a child alive that wants to exit.
 */
'use strict';
const fs = require('node:fs');

if (process.channel) {
  process.channel.unref();
  process.once('disconnect', () => {
    const scratch = process.env.WIJKBOT_SCRATCH_DIR;
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    process.kill(process.pid, 'SIGKILL');
  });
}
