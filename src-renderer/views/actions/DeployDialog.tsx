// The single-app Deploy confirmation: what App Platform will build (each component's branch and
// its latest commit, or an image's tag), what that ships (from GitHub, when it answers), and a
// second, explicit yes before shipping a head whose CI failed. GitHub only ever adds to the
// dialog: while it is slow, unreachable or not connected, Deploy works as it always did.
import { useState } from 'react';
import type { ComponentDetail, FleetApp } from '../../../src-preload/contract';
import { buildsFrom } from '../../actionFormat';
import { ConfirmDialog } from '../../components/Dialog';
import { formatSource, kindLabel } from '../../format';
import { redHeads, useDeploySourceStore } from '../../stores/deploySourceStore';
import { UndoNote } from './AppActions';
import { DeploySourceSection, failedChecks, shortSha } from './DeploySourceSection';
import './actionDialogs.css';

interface DeployDialogProps {
  app: FleetApp;
  components: ComponentDetail[];
  onClose: () => void;
  onConfirm: (forceBuild: boolean) => void;
}

export function DeployDialog({ app, components, onClose, onConfirm }: DeployDialogProps) {
  const [forceBuild, setForceBuild] = useState(false);
  const [knowCiFailed, setKnowCiFailed] = useState(false);
  const entry = useDeploySourceStore((s) => (s.preview?.appId === app.id ? s.preview : undefined));
  const built = components.filter((c) => c.source.kind !== 'none' && c.kind !== 'database');
  const red = redHeads(entry?.value);
  const needsAck = red.length > 0 && !knowCiFailed;
  const headOf = (component: string) =>
    entry?.value?.sources.find((s) => s.components.includes(component) && !s.problem)?.head;
  const label = forceBuild ? 'Rebuild and deploy' : 'Deploy';

  return (
    <ConfirmDialog
      title={`Deploy ${app.name}?`}
      subtitle={`${app.group} · ${app.regionLabel ?? app.region}`}
      confirmLabel={red.length > 0 ? `${label} anyway` : label}
      confirmDisabled={needsAck}
      onConfirm={() => onConfirm(forceBuild)}
      onClose={onClose}
      aside={<UndoNote />}
    >
      <p className="dialog__lead">
        App Platform starts a new deployment of <strong>{app.name}</strong> from its current spec: it builds each
        component from the <strong>latest commit on its branch</strong> (not the commit live now; an image component
        pulls its tag) and rolls the new version out. The running version keeps serving until the new one is healthy; if
        the deployment fails, it stays live.
      </p>
      {built.length > 0 ? (
        <ul className="dialog-list" aria-label="Components that will be built">
          {built.map((c) => {
            const head = headOf(c.name);
            return (
              <li key={c.name} data-testid="deploy-builds">
                <span className="strong">{c.name}</span>
                <span className="muted"> {kindLabel(c.kind)}</span>
                <span className="dialog-list__end">
                  <span className="slug">{formatSource(c.source) || c.source.kind}</span>
                  <span className="dialog-list__note">
                    {buildsFrom(c.source)}
                    {head ? (
                      <span data-testid="deploy-builds-head" title={head.title}>
                        , now {shortSha(head.sha)}
                      </span>
                    ) : null}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      <DeploySourceSection entry={entry} />
      {red.length > 0 ? (
        <div className="ship-red" role="alert" data-testid="ci-red-warning">
          {red.map((s) => (
            <p key={`${s.repo}@${s.branch}`} className="ship-red__line">
              The head of {s.branch} failed CI ({failedChecks(s).join(', ') || 'a check'})
              <span className="muted"> · {s.repo}</span>
            </p>
          ))}
          <label className="check">
            <input
              type="checkbox"
              checked={knowCiFailed}
              onChange={(e) => setKnowCiFailed(e.target.checked)}
              data-testid="ci-failed-ack"
            />
            <span>
              <span className="strong">I know CI failed</span>
              <span className="check__hint">
                Deploy the failing head anyway. The running version stays live if it fails.
              </span>
            </span>
          </label>
        </div>
      ) : null}
      <label className="check">
        <input
          type="checkbox"
          checked={forceBuild}
          onChange={(e) => setForceBuild(e.target.checked)}
          data-testid="force-build"
        />
        <span>
          <span className="strong">Force rebuild</span>
          <span className="check__hint">Build every component from scratch, ignoring the build cache. Slower.</span>
        </span>
      </label>
    </ConfirmDialog>
  );
}
