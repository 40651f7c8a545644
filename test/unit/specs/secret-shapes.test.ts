// Issue #11 item 4: a clear SECRET value must stay out of the data folder however the YAML is
// written. Each row is a draft a founder could save while typing; the value is a sentinel, and
// after the save every file under the data folder is read for its bytes.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/logging/logger';
import { specsWithSandbox } from '../../support/specs';

const SENTINEL = 'sk-live-sentinel-5f1e9d3c7b2a4e6f8091a2b3c4d5e6f7';
const HEAD = 'name: taskifai-demo\nregion: fra\n';

interface Shape {
  shape: string;
  yaml: string;
  /** Ids whose value is kept in memory for apply; none where no env could own it. */
  kept: string[];
}

const service = (envs: string, extra = '') => `${HEAD}services:\n- name: demo-api\n${extra}  envs:\n${envs}`;

const SHAPES: Shape[] = [
  {
    shape: 'the plain case',
    yaml: service(`  - key: OPENAI_API_KEY\n    type: SECRET\n    value: ${SENTINEL}\n`),
    kept: ['demo-api/OPENAI_API_KEY'],
  },
  {
    shape: 'type: SECRET brought in by a merge key (<<)',
    yaml: `${HEAD}x-secret: &secret {type: SECRET, scope: RUN_TIME}\nservices:\n- name: demo-api\n  envs:\n  - key: OPENAI_API_KEY\n    <<: *secret\n    value: ${SENTINEL}\n`,
    kept: ['demo-api/OPENAI_API_KEY'],
  },
  {
    shape: 'the whole env brought in by a merge key, in a list of merges',
    yaml: `${HEAD}x-base: &base\n  scope: RUN_TIME\nx-key: &key\n  type: SECRET\n  value: ${SENTINEL}\nenvs:\n- key: OPENAI_API_KEY\n  <<: [*base, *key]\nservices:\n- name: demo-api\n`,
    kept: ['/OPENAI_API_KEY'],
  },
  {
    shape: 'a duplicate value: key',
    yaml: service(`  - key: OPENAI_API_KEY\n    type: SECRET\n    value: ""\n    value: ${SENTINEL}\n`),
    kept: ['demo-api/OPENAI_API_KEY'],
  },
  {
    shape: 'a duplicate type: key',
    yaml: service(`  - key: OPENAI_API_KEY\n    type: GENERAL\n    value: ${SENTINEL}\n    type: SECRET\n`),
    kept: ['demo-api/OPENAI_API_KEY'],
  },
  {
    shape: 'the value anchored on a GENERAL env and aliased by a SECRET one',
    yaml: service(
      `  - key: PUBLIC_LABEL\n    value: &token ${SENTINEL}\n  - key: OPENAI_API_KEY\n    type: SECRET\n    value: *token\n`,
    ),
    kept: ['demo-api/OPENAI_API_KEY'],
  },
  {
    shape: 'type: SECRET written as an alias',
    yaml: `${HEAD}x-types: {secret: &secret SECRET}\n${service(`  - key: OPENAI_API_KEY\n    type: *secret\n    value: ${SENTINEL}\n`).slice(HEAD.length)}`,
    kept: ['demo-api/OPENAI_API_KEY'],
  },
  {
    shape: 'a SECRET env anchored in one component and aliased in another',
    yaml: `${HEAD}services:\n- name: demo-api\n  envs:\n  - &shared {key: OPENAI_API_KEY, type: SECRET, value: ${SENTINEL}}\nworkers:\n- name: demo-worker\n  envs:\n  - *shared\n`,
    kept: ['demo-api/OPENAI_API_KEY', 'demo-worker/OPENAI_API_KEY'],
  },
  {
    shape: 'a service without name: yet',
    yaml: `${HEAD}services:\n- instance_count: 1\n  envs:\n  - key: OPENAI_API_KEY\n    type: SECRET\n    value: ${SENTINEL}\n`,
    kept: [],
  },
  {
    shape: 'a duplicate envs: key',
    yaml: service(
      `  - key: DEBUG\n    value: "false"\n`,
      `  envs:\n  - key: OPENAI_API_KEY\n    type: SECRET\n    value: ${SENTINEL}\n`,
    ),
    kept: ['demo-api/OPENAI_API_KEY'],
  },
  {
    shape: 'a second YAML document',
    yaml: `${service(`  - key: DEBUG\n    value: "false"\n`)}---\nenvs:\n- key: OPENAI_API_KEY\n  type: SECRET\n  value: ${SENTINEL}\n`,
    kept: [],
  },
  {
    shape: 'type: secret in lower case',
    yaml: service(`  - key: OPENAI_API_KEY\n    type: secret\n    value: ${SENTINEL}\n`),
    kept: ['demo-api/OPENAI_API_KEY'],
  },
  {
    shape: 'a type that is neither GENERAL nor SECRET',
    yaml: service(`  - key: OPENAI_API_KEY\n    type: "GENERAL "\n    value: ${SENTINEL}\n`),
    kept: ['demo-api/OPENAI_API_KEY'],
  },
  {
    shape: 'an empty type:',
    yaml: service(`  - key: OPENAI_API_KEY\n    type:\n    value: ${SENTINEL}\n`),
    kept: ['demo-api/OPENAI_API_KEY'],
  },
  {
    shape: 'a numeric component name',
    yaml: `${HEAD}services:\n- name: 1234\n  envs:\n  - key: OPENAI_API_KEY\n    type: SECRET\n    value: ${SENTINEL}\n`,
    kept: ['1234/OPENAI_API_KEY'],
  },
  {
    shape: 'the value as a flow sequence',
    yaml: service(`  - key: OPENAI_API_KEY\n    type: SECRET\n    value: [${SENTINEL}]\n`),
    kept: [],
  },
  {
    shape: 'the value as a block sequence',
    yaml: service(`  - key: OPENAI_API_KEY\n    type: SECRET\n    value:\n    - ${SENTINEL}\n`),
    kept: [],
  },
  {
    shape: 'the value as a mapping',
    yaml: service(`  - key: OPENAI_API_KEY\n    type: SECRET\n    value: {${SENTINEL}: ${SENTINEL}}\n`),
    kept: [],
  },
  { shape: 'an env without key:', yaml: service(`  - type: SECRET\n    value: ${SENTINEL}\n`), kept: [] },
  {
    shape: 'envs under a misspelt group (service:)',
    yaml: `${HEAD}service:\n- name: demo-api\n  envs:\n  - key: OPENAI_API_KEY\n    type: SECRET\n    value: ${SENTINEL}\n`,
    kept: [],
  },
  {
    shape: 'a flow-style env',
    yaml: service(`  - {key: OPENAI_API_KEY, type: SECRET, value: ${SENTINEL}}\n`),
    kept: ['demo-api/OPENAI_API_KEY'],
  },
  {
    shape: 'a block scalar value',
    yaml: service(`  - key: OPENAI_API_KEY\n    type: SECRET\n    value: |\n      ${SENTINEL}\n`),
    kept: ['demo-api/OPENAI_API_KEY'],
  },
  // A draft is saved while it is being typed, YAML mistakes included.
  {
    shape: 'a stray word after a quoted value (YAML error)',
    yaml: service(`  - key: OPENAI_API_KEY\n    type: SECRET\n    value: "sk" ${SENTINEL}\n`),
    kept: ['demo-api/OPENAI_API_KEY'],
  },
  {
    shape: 'a tab before value: (YAML error)',
    yaml: service(`  - key: OPENAI_API_KEY\n    type: SECRET\n\tvalue: ${SENTINEL}\n`),
    kept: [],
  },
  {
    shape: 'value without its colon (YAML error)',
    yaml: service(`  - key: OPENAI_API_KEY\n    type: SECRET\n    value\n    ${SENTINEL}\n`),
    kept: [],
  },
  {
    shape: 'an alias to no anchor before the value (YAML error)',
    yaml: service(`  - key: OPENAI_API_KEY\n    type: SECRET\n    value: *nothing ${SENTINEL}\n`),
    kept: [],
  },
  {
    shape: 'a tagged type and value',
    yaml: service(`  - key: OPENAI_API_KEY\n    type: !!str SECRET\n    value: !!str ${SENTINEL}\n`),
    kept: ['demo-api/OPENAI_API_KEY'],
  },
];

describe('a SECRET typed in clear never reaches the data folder, however the YAML is written', () => {
  it.each(SHAPES)('$shape', async ({ yaml, kept }) => {
    const lines: string[] = [];
    const { specs, appNamed, filesOnDisk, make } = await specsWithSandbox({
      log: createLogger((line) => lines.push(line)),
    });
    const appId = appNamed('taskifai-demo').app.id!;
    expect(yaml).toContain(SENTINEL);
    await specs.openDraft(appId);
    const saved = await specs.saveDraft(appId, yaml);
    await specs.flush();
    const leaks = [
      ...filesOnDisk()
        .filter((f) => f.text.includes(SENTINEL))
        .map((f) => f.path),
      ...lines.filter((l) => l.includes(SENTINEL)),
    ];
    expect(leaks).toEqual([]);
    // The draft is still there to come back to, without the value.
    expect(filesOnDisk().some((f) => f.path.endsWith(`${appId}.json`))).toBe(true);
    expect((await make().openDraft(appId)).yaml).not.toContain(SENTINEL);
    expect(saved.pendingSecrets).toEqual([...kept].sort());
  });
});
