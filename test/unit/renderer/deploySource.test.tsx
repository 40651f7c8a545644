// @vitest-environment jsdom
// The founder presses Deploy and, before confirming, reads what the deploy would ship: the commits
// the live version lacks and whether CI passed on the head it would build. A red head needs a
// second, explicit yes; GitHub being slow, failing or not connected never stands in the way.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComponentDetail, DeploySourcePreview, FleetApi, FleetApp, Result } from '../../../src-preload/contract';
import { useActionsStore, type ActionOutcome, type AppRef } from '../../../src-renderer/stores/actionsStore';
import { useDeploySourceStore } from '../../../src-renderer/stores/deploySourceStore';
import { AppActions } from '../../../src-renderer/views/actions/AppActions';

const app = {
  id: 'app-presence',
  name: 'presence360',
  group: 'Presence360',
  region: 'ams',
  components: [],
  monthlyCost: { min: 12, max: 12 },
} as unknown as FleetApp;

const api = {
  name: 'api',
  kind: 'service',
  source: { kind: 'github', ref: 'presence360/presence360', branch: 'main' },
  monthlyCost: { min: 12, max: 12 },
} as unknown as ComponentDetail;

const commit = (sha: string, title: string, author: string) => ({
  sha: sha.padEnd(40, '0'),
  title,
  author,
  date: '2026-12-02T15:00:00Z',
  url: `https://github.com/presence360/presence360/commit/${sha.padEnd(40, '0')}`,
});

const source = (over: Partial<DeploySourcePreview['sources'][number]> = {}): DeploySourcePreview['sources'][number] => {
  const commits = [
    commit('c3a9e01', 'Face match threshold per site', 'Efua Mensah'),
    commit('b2d4f55', 'Badge reader retries', 'Kwame Asante'),
  ];
  return {
    components: ['api'],
    repo: 'presence360/presence360',
    branch: 'main',
    deployedSha: 'a1b2c3d'.padEnd(40, '0'),
    head: commits[0],
    commits,
    moreCommits: 0,
    ci: 'success',
    checks: [
      { name: 'build', state: 'success' },
      { name: 'test', state: 'success' },
    ],
    ...over,
  };
};

const preview = (
  sources: DeploySourcePreview['sources'],
  github: DeploySourcePreview['github'] = { state: 'connected' },
) => ({ ok: true, value: { appId: app.id, sources, github } }) as Result<DeploySourcePreview>;

const deploy = vi.fn(async (_app: AppRef, _options: { forceBuild: boolean }): Promise<ActionOutcome> => ({
  status: 'sent',
}));

function stubGitHub(answer: Promise<Result<DeploySourcePreview>>) {
  const getDeploySource = vi.fn(() => answer);
  window.fleet = { getDeploySource } as unknown as FleetApi;
  return getDeploySource;
}

function openDeploy() {
  render(<AppActions app={app} components={[api]} />);
  fireEvent.click(screen.getByTestId('deploy-button'));
  return screen.getByRole('dialog');
}

const confirm = () => screen.getByTestId<HTMLButtonElement>('confirm-button');

beforeEach(() => {
  deploy.mockClear();
  useActionsStore.setState({ byApp: {}, deploy });
});

afterEach(() => {
  cleanup();
  useDeploySourceStore.getState().clear();
  useActionsStore.setState({ byApp: {} });
});

describe('what a deploy ships', () => {
  it('lists the commits it would ship, newest first, with the head’s CI and its checks', async () => {
    const asked = stubGitHub(Promise.resolve(preview([source()])));
    const dialog = openDeploy();
    expect(asked).toHaveBeenCalledWith({ appId: app.id });
    await screen.findByTestId('ship-summary');
    expect(screen.getByTestId('ship-summary').textContent).toContain('Will ship 2 commits');
    const [first, second] = screen.getAllByTestId('ship-commit');
    expect(first!.textContent).toContain('c3a9e01');
    expect(first!.textContent).toContain('Face match threshold per site');
    expect(first!.textContent).toContain('Efua Mensah');
    expect(second!.textContent).toContain('b2d4f55');
    expect(first!.querySelector('a')!.getAttribute('href')).toContain('/commit/c3a9e01');
    expect(screen.getByTestId('ship-ci').textContent).toContain('CI green');
    expect(screen.getAllByTestId('ship-check').map((c) => c.textContent)).toEqual([
      '✓ build success',
      '✓ test success',
    ]);
    // The line that says which commit it builds now names it, instead of a second list saying so.
    expect(screen.getByTestId('deploy-builds').textContent).toContain('latest commit on main, now c3a9e01');
    expect(dialog.textContent).not.toContain('failed CI');
    expect(confirm().textContent).toBe('Deploy');
    expect(confirm().disabled).toBe(false);
  });

  it('says there is nothing new to build when the live version is the head', async () => {
    stubGitHub(Promise.resolve(preview([source({ commits: [], deployedSha: 'c3a9e01'.padEnd(40, '0') })])));
    openDeploy();
    expect((await screen.findByTestId('ship-summary')).textContent).toBe(
      'Already at the head of main — nothing new to build',
    );
  });

  it('a red head asks “I know CI failed” before Deploy anyway is pressable', async () => {
    stubGitHub(
      Promise.resolve(
        preview([
          source({
            ci: 'failure',
            checks: [
              { name: 'build', state: 'success' },
              { name: 'test', state: 'failure' },
            ],
          }),
        ]),
      ),
    );
    openDeploy();
    const warning = await screen.findByTestId('ci-red-warning');
    expect(warning.textContent).toContain('The head of main failed CI (test)');
    expect(confirm().textContent).toBe('Deploy anyway');
    expect(confirm().disabled).toBe(true);
    fireEvent.click(confirm());
    expect(deploy).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('ci-failed-ack'));
    expect(confirm().disabled).toBe(false);
    fireEvent.click(confirm());
    expect(deploy).toHaveBeenCalledWith(app, { forceBuild: false });
  });

  it('a failed preview says so in one line and the deploy goes ahead', async () => {
    stubGitHub(
      Promise.resolve({ ok: false, error: { code: 'server_error', message: 'GitHub answered 502 Bad Gateway' } }),
    );
    openDeploy();
    expect((await screen.findByTestId('ship-error')).textContent).toContain('GitHub answered 502 Bad Gateway');
    expect(confirm().textContent).toBe('Deploy');
    fireEvent.click(confirm());
    expect(deploy).toHaveBeenCalledTimes(1);
  });

  it('a slow GitHub does not hold the Deploy button', () => {
    stubGitHub(new Promise(() => undefined));
    openDeploy();
    expect(screen.getByTestId('ship-loading').textContent).toContain('Reading the commits from GitHub');
    expect(confirm().disabled).toBe(false);
    fireEvent.click(confirm());
    expect(deploy).toHaveBeenCalledTimes(1);
  });

  it('without GitHub in this context, one quiet line says where to connect it', async () => {
    stubGitHub(Promise.resolve(preview([], { state: 'not_connected', message: 'No GitHub account' })));
    openDeploy();
    expect((await screen.findByTestId('ship-not-connected')).textContent).toBe(
      'Connect GitHub in Settings to see the commits this deploy ships',
    );
    expect(confirm().disabled).toBe(false);
  });

  it('a branch GitHub cannot read shows its words and no CI verdict', async () => {
    stubGitHub(
      Promise.resolve(
        preview([source({ commits: [], ci: 'none', checks: [], problem: 'presence360/presence360 was not found' })]),
      ),
    );
    openDeploy();
    expect((await screen.findByTestId('ship-problem')).textContent).toBe('presence360/presence360 was not found');
    expect(screen.queryByTestId('ship-ci')).toBeNull();
    expect(confirm().disabled).toBe(false);
  });

  it('an answer that arrives after the dialog closed is dropped', async () => {
    let answer!: (r: Result<DeploySourcePreview>) => void;
    stubGitHub(new Promise((resolve) => (answer = resolve)));
    openDeploy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await act(async () => answer(preview([source()])));
    await waitFor(() => expect(useDeploySourceStore.getState().preview).toBeUndefined());
  });
});
