import { updateUntilSettled } from '../../../src/cards/settledUpdate';

describe('updateUntilSettled (the last writer re-reads)', () => {
  test('when the data moved while the card was being sent, the card is rendered again from the newer state', async () => {
    let version = 1;
    const shown: number[] = [];
    await updateUntilSettled(async () => {
      const read = version;
      shown.push(read);
      if (shown.length === 1) version = 2; // another instance's vote lands after our read, before our edit arrives
      return read;
    }, async () => version);
    expect(shown).toEqual([1, 2]);
  });

  test('when nothing moved, one render is enough; a card that does not exist is not rendered', async () => {
    const shown: number[] = [];
    await updateUntilSettled(async () => (shown.push(7), 7), async () => 7);
    expect(shown).toEqual([7]);
    await updateUntilSettled(async () => undefined, async () => 1);
  });

  test('a storm that never settles still ends (its later requests render again)', async () => {
    let version = 0;
    let renders = 0;
    await updateUntilSettled(async () => (renders++, version++), async () => version);
    expect(renders).toBe(5);
  });
});
