// A founder pastes a 256 KiB file of 27,000 keys into the spec editor. Main refuses to read it;
// the editor must not parse it on every keystroke either (that froze the window for ~40 s): it
// says at once what is wrong, and the secret widgets and hints simply stay off.
import { describe, expect, it } from 'vitest';
import { SPEC_LIMITS, quickSpecBreach } from '../../../src-preload/contract/specLimits';
import { localMarks } from '../../../src-renderer/specSchema/problems';
import { secretEnvsIfParsed } from '../../../src-renderer/specSchema/secrets';
import { manyKeysSpec } from '../specs/fixtures/hostileSpecs';

describe('an oversized spec in the editor', () => {
  it('gets one problem naming the limit, without being parsed', () => {
    const text = manyKeysSpec();
    expect(localMarks(text)).toEqual([
      expect.objectContaining({
        source: 'yaml',
        severity: 'error',
        line: 1,
        message: expect.stringMatching(/more than 20,000 keys.*not checked or saved/),
      }),
    ]);
    expect(secretEnvsIfParsed(text)).toBeUndefined();
  });

  it('is over the byte limit, or over the key bound, and a real spec is neither', () => {
    expect(quickSpecBreach(`name: x\n# ${'y'.repeat(SPEC_LIMITS.bytes)}`)).toMatch(
      /Fleetdeck reads specs up to 512 KiB/,
    );
    expect(quickSpecBreach('name: shop\nservices:\n- name: api\n  instance_count: 2\n')).toBeUndefined();
  });
});
