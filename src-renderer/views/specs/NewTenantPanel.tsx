// A new tenant from an existing tenant's spec: pick the template, name the new app, check the text
// replacements, preview (the spec, DigitalOcean's problems and monthly price), then create — with a
// confirmation that names every value still pointing at the template — and go to the new app.
import { useEffect, useMemo, useState } from 'react';
import type { TenantTemplateRequest } from '../../../src-preload/contract';
import { describeError } from '../../actionFormat';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatUsd } from '../../format';
import { templateLeftovers, unresolvedLeftovers } from '../../specSchema/templateLeftovers';
import { appNameProblem, suggestReplacements } from '../../specSchema/tenantNames';
import { useFleetStore } from '../../stores/fleetStore';
import { requestKey, useTenantTemplateStore } from '../../stores/tenantTemplateStore';
import { remainingProblems, TenantPreview } from './TenantPreview';
import './specTenant.css';

type Replacement = { from: string; to: string };

export function NewTenantPanel() {
  const snapshot = useFleetStore((s) => s.snapshot);
  const fleetError = useFleetStore((s) => s.error);
  const fleetLoading = useFleetStore((s) => s.loading);
  const tenant = useTenantTemplateStore();
  const [templateAppId, setTemplateAppId] = useState('');
  const [name, setName] = useState('');
  const [edited, setEdited] = useState<Replacement[]>();
  const [confirming, setConfirming] = useState(false);
  // The new app's SECRET values: in this form's memory only, sent once with the new spec.
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [acknowledged, setAcknowledged] = useState(false);

  useEffect(() => {
    void useFleetStore.getState().ensureLoaded();
  }, []);

  const apps = useMemo(
    () => [...(snapshot?.apps ?? [])].sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name)),
    [snapshot],
  );
  const template = apps.find((a) => a.id === templateAppId);
  // Until the user edits them, replacements follow the names: "bibbi" → "customer4".
  const replacements = edited ?? suggestReplacements(template?.name ?? '', name);
  const nameProblem = name ? appNameProblem(name) : undefined;
  const taken = apps.some((a) => a.name === name);
  const request: TenantTemplateRequest = { templateAppId, name, replacements: replacements.filter((r) => r.from) };
  const canPreview = !!template && !!name && !nameProblem && !taken && !tenant.previewing;
  const preview = tenant.previewedFor === requestKey(request) ? tenant.preview : undefined;
  const canCreate =
    !!preview && !remainingProblems(preview, secrets).some((p) => p.severity === 'error') && !tenant.creating;
  const leftovers = preview ? templateLeftovers(preview) : [];
  const unresolved = unresolvedLeftovers(leftovers, overrides);
  const overridden = leftovers.filter((l) => !unresolved.includes(l));
  const templateName = template?.name ?? 'the template';

  const setRow = (index: number, change: Partial<Replacement>) =>
    setEdited(replacements.map((r, i) => (i === index ? { ...r, ...change } : r)));

  if (!snapshot) {
    return fleetError ? (
      <ErrorState
        title="Couldn’t load the fleet to pick a template"
        error={fleetError}
        onRetry={() => void useFleetStore.getState().load()}
        retrying={fleetLoading}
      />
    ) : (
      <LoadingState label="Loading the fleet…" />
    );
  }

  return (
    <div className="spec-tenant" data-testid="new-tenant">
      <div className="spec-tenant__form">
        <label className="field">
          <span className="field__label">Template tenant</span>
          <select
            className="input"
            value={templateAppId}
            onChange={(e) => setTemplateAppId(e.target.value)}
            data-testid="tenant-template"
          >
            <option value="">Choose an app…</option>
            {apps.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.group})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">New app name</span>
          <input
            className={nameProblem || taken ? 'input input--invalid' : 'input'}
            value={name}
            onChange={(e) => setName(e.target.value.trim())}
            placeholder="taskifai-customer4"
            spellCheck={false}
            data-testid="tenant-name"
          />
          {nameProblem || taken ? (
            <span className="field-error">{taken ? `An app named ${name} already exists.` : nameProblem}</span>
          ) : null}
        </label>
        <div className="field spec-tenant__replacements">
          <span className="field__label">Replace everywhere (names, domains, env values)</span>
          {replacements.length === 0 ? (
            <span className="field__hint">Pick a template and a name; the tenant’s slug is filled in.</span>
          ) : null}
          {replacements.map((r, i) => (
            <div className="spec-tenant__row" key={i}>
              <input
                className="input input--compact"
                value={r.from}
                onChange={(e) => setRow(i, { from: e.target.value })}
                aria-label={`Replace ${i + 1}: text`}
                data-testid="replace-from"
              />
              <span aria-hidden="true">→</span>
              <input
                className="input input--compact"
                value={r.to}
                onChange={(e) => setRow(i, { to: e.target.value })}
                aria-label={`Replace ${i + 1}: with`}
                data-testid="replace-to"
              />
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => setEdited(replacements.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
          ))}
          <div>
            <button
              type="button"
              className="button button--small"
              onClick={() => setEdited([...replacements, { from: '', to: '' }])}
            >
              Add replacement
            </button>
            {edited ? (
              <button type="button" className="button button--quiet button--small" onClick={() => setEdited(undefined)}>
                Reset to suggestion
              </button>
            ) : null}
          </div>
        </div>
        <div className="spec-tenant__actions">
          <button
            type="button"
            className="button"
            disabled={!canPreview}
            onClick={() => void useTenantTemplateStore.getState().previewTenant(request)}
            data-testid="tenant-preview"
          >
            {tenant.previewing ? 'Previewing…' : 'Preview'}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!canCreate}
            onClick={() => {
              setAcknowledged(false);
              setConfirming(true);
            }}
            data-testid="tenant-create"
          >
            Create app…
          </button>
        </div>
        {tenant.previewError ? (
          <p className="field-error" role="alert">
            Preview failed: {describeError(tenant.previewError).title}
          </p>
        ) : null}
        {tenant.createError ? (
          <p className="field-error" role="alert">
            Not created: {describeError(tenant.createError).title}
          </p>
        ) : null}
      </div>

      <div className="spec-tenant__preview" data-testid="tenant-preview-panel">
        {tenant.previewing ? (
          <LoadingState label="Building and pricing the new spec…" />
        ) : preview ? (
          <TenantPreview
            preview={preview}
            templateName={templateName}
            secrets={secrets}
            onSecret={(id, value) => setSecrets({ ...secrets, [id]: value })}
            overrides={overrides}
            onOverride={(id, value) => setOverrides({ ...overrides, [id]: value })}
          />
        ) : (
          <p className="muted spec-tenant__empty">
            The new app’s spec, its problems and its monthly price show here after Preview.
          </p>
        )}
      </div>

      {confirming && preview ? (
        <ConfirmDialog
          title={`Create ${name}?`}
          subtitle={`From ${templateName}`}
          confirmLabel={tenant.creating ? 'Creating…' : `Create ${name}`}
          busy={tenant.creating}
          testId="tenant-confirm"
          confirmDisabled={unresolved.length > 0 && !acknowledged}
          onConfirm={() =>
            void useTenantTemplateStore
              .getState()
              .createTenant(request, { secrets, overrides, acknowledgedLeftovers: acknowledged })
              .then(() => setConfirming(false))
          }
          onClose={() => setConfirming(false)}
        >
          <p className="dialog__lead">
            DigitalOcean creates the app and starts its first build and deployment.
            {preview.validation.monthlyCostAfter !== undefined
              ? ` It costs ${formatUsd(preview.validation.monthlyCostAfter)}/mo from then on.`
              : ''}{' '}
            Its domains need DNS records before they serve traffic.
          </p>
          {overridden.length > 0 ? (
            <div data-testid="tenant-confirm-overrides">
              <p className="dialog__lead">Replaced with the values you entered:</p>
              <ul className="spec-tenant__confirm-list">
                {overridden.map((l) => (
                  <li key={l.id}>
                    <code>{l.key}</code> → <code>{overrides[l.id]?.trim()}</code>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {unresolved.length > 0 ? (
            <div
              className="spec-validation spec-validation--warning"
              role="alert"
              data-testid="tenant-confirm-leftovers"
            >
              <strong>
                {unresolved.length === 1 ? 'This value still points' : 'These values still point'} at {templateName}:
              </strong>
              <ul className="spec-tenant__confirm-list">
                {unresolved.map((l) => (
                  <li key={l.id}>{l.message}</li>
                ))}
              </ul>
              <label className="check">
                <input
                  type="checkbox"
                  checked={acknowledged}
                  onChange={(e) => setAcknowledged(e.target.checked)}
                  data-testid="tenant-acknowledge"
                />
                <span>
                  I know {unresolved.length === 1 ? 'this value still points' : 'these values still point'} at{' '}
                  {templateName}
                </span>
              </label>
            </div>
          ) : null}
          {tenant.createError ? <p className="field-error">{describeError(tenant.createError).title}</p> : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
