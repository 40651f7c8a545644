// Both bridges ask for the kept fleet as they load; the renderer's first call takes that answer,
// unless the renderer came to ask so late that the answer is no longer the start's.
import { describe, expect, it, vi } from 'vitest';
import { firstCallTakes } from '../../../src-preload/earlyAnswer';

describe('the answer asked for at load', () => {
  it('goes to the first call only; later calls ask anew', async () => {
    const ask = vi.fn(async () => 'asked');
    const call = firstCallTakes(Promise.resolve('early'), ask);
    await expect(call()).resolves.toBe('early');
    await expect(call()).resolves.toBe('asked');
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('is not taken by a first call that comes ten seconds or more after load', async () => {
    let now = 1_000;
    const ask = vi.fn(async () => 'asked');
    const call = firstCallTakes(Promise.resolve('early'), ask, () => now);
    now += 10_000;
    await expect(call()).resolves.toBe('asked');
  });
});
