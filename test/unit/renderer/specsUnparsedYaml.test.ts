// Mid-edit the YAML stops parsing: the Secrets panel keeps the list it last knew (saying so)
// instead of claiming the spec has none, a YAML error is labelled once, and Review says who found
// the errors — the local YAML parser is not DigitalOcean.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ApplyPreview, SpecProblem } from '../../../src-preload/contract';
import { yamlMarks } from '../../../src-renderer/specSchema/problems';
import { EMPTY_SPEC_EDITOR } from '../../../src-renderer/stores/specEditorEntry';
import { applyBlockedReason } from '../../../src-renderer/views/specs/ReviewDialog';
import { SpecSidePanel } from '../../../src-renderer/views/specs/SpecSidePanel';
import { draftOf } from './specsFleetFake';

const SPEC = ['name: shop', 'envs:', '- key: JWT_SECRET', '  type: SECRET', '  value: EV[1:live-jwt:abc]', ''].join(
  '\n',
);
const BROKEN = `${SPEC}services:\n- name: api\n   instance_count: [1\n`;

const panel = (text: string) =>
  renderToStaticMarkup(
    createElement(SpecSidePanel, {
      text,
      draft: draftOf(SPEC, { baseYaml: SPEC }),
      apiProblems: [],
      onGoTo: () => undefined,
      onChangeSecret: () => undefined,
    }),
  );

describe('while the YAML does not parse', () => {
  it('the Secrets panel shows the secrets of the last valid version, says why, and Change waits', () => {
    const html = panel(BROKEN);
    expect(html).not.toContain('This spec has no SECRET envs');
    expect(html).toContain('data-secret="/JWT_SECRET"');
    expect(html).toContain('The YAML doesn’t parse; showing the secrets from the last valid version');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*aria-label="Change JWT_SECRET"/);
  });

  it('a spec that parses shows its own list, with no note and Change enabled', () => {
    const html = panel(SPEC);
    expect(html).toContain('data-secret="/JWT_SECRET"');
    expect(html).not.toContain('data-testid="secrets-unparsed"');
    expect(html).not.toMatch(/disabled=""[^>]*aria-label="Change JWT_SECRET"/);
  });

  it('each YAML error is labelled once: the chip says YAML, the message does not repeat it', () => {
    const marks = yamlMarks(BROKEN);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.message).not.toMatch(/^YAML:/);
    const html = panel(BROKEN);
    expect(html.match(/>YAML</g)?.length).toBe(marks.length);
    expect(html).not.toContain('YAML:');
  });
});

describe('Review says who found the errors', () => {
  const review = (problems: SpecProblem[]): ApplyPreview => ({
    appId: 'app-1',
    valid: false,
    problems,
    liveYaml: SPEC,
    liveVersion: 'abcdef12',
    stale: false,
  });
  const reason = (problems: SpecProblem[]) =>
    applyBlockedReason({
      ...EMPTY_SPEC_EDITOR,
      draft: draftOf(BROKEN, { baseYaml: SPEC }),
      text: BROKEN,
      review: review(problems),
      reviewedText: BROKEN,
    });

  it('the YAML parser', () => {
    expect(reason([{ source: 'yaml', severity: 'error', message: 'Unexpected flow-seq', line: 8 }])).toBe(
      'Fix the YAML errors first.',
    );
  });
  it('DigitalOcean, only when every error is its own', () => {
    expect(reason([{ source: 'api', severity: 'error', message: 'instance_count must be at least 1' }])).toBe(
      'Fix the problems DigitalOcean found first.',
    );
  });
  it('Fleetdeck’s checks', () => {
    expect(reason([{ source: 'schema', severity: 'error', message: 'Set JWT_SECRET' }])).toBe(
      'Fix the problems listed above first.',
    );
  });
});
