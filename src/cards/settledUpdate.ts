/**
 * "The last writer re-reads": a shared card (a poll, a meeting invitation) is kept current by whichever
 * instance handled the latest click. With several instances, two of them can render the same card at
 * nearly the same time, and the older render can reach Teams after the newer one. So an update reads a
 * version of the data (the poll's change counter, the RSVP fingerprint) before it renders, and after Teams
 * accepted the edit reads the version again: if it moved, something may be missing from what was just
 * shown, and the card is rendered again. The instance that wrote last therefore always ends with a render
 * of the final state. One extra small read per edit (edits are already coalesced per card).
 */

/** Upper bound on re-renders of one request: a storm that never stops is covered by its own later requests. */
const MAX_ROUNDS = 5;

/**
 * `render` reads the version first, renders and sends, and returns the version it read (undefined: the
 * card does not exist (yet), nothing to do). `version` reads the current version.
 */
export async function updateUntilSettled<V>(render: () => Promise<V | undefined>, version: () => Promise<V | undefined>): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rendered = await render();
    if (rendered === undefined) return;
    if ((await version()) === rendered) return;
  }
}
