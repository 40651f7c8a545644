// The new tenant's spec as previewed: DigitalOcean's verdict and monthly price, the problems at their
// lines, a password field for each SECRET env (never copied from the template), a text field for
// each env value that still points at the template tenant, and the YAML.
import { useMemo } from 'react';
import type { SpecProblem, TenantTemplatePreview } from '../../../src-preload/contract';
import { formatUsd } from '../../format';
import { secretEnvs } from '../../specSchema/secrets';
import { isTemplateLeftover, templateLeftovers, unresolvedLeftovers } from '../../specSchema/templateLeftovers';
import { CodeEditor } from './editor/CodeEditor';
import { readOnlyExtensions } from './editor/extensions';
import { problemPlace } from './SpecStatus';

interface TenantPreviewProps {
  preview: TenantTemplatePreview;
  /** The template tenant's name, to say whose values the copy still holds. */
  templateName: string;
  secrets: Readonly<Record<string, string>>;
  onSecret: (id: string, value: string) => void;
  /** New values for envs that still point at the template, by env id. */
  overrides: Readonly<Record<string, string>>;
  onOverride: (id: string, value: string) => void;
}

/** Problems left once the secrets typed here are counted: a missing SECRET value is one of them. */
export function remainingProblems(
  preview: TenantTemplatePreview,
  secrets: Readonly<Record<string, string>>,
): SpecProblem[] {
  const filled = new Set(
    secretEnvs(preview.yaml)
      .filter((s) => secrets[s.id])
      .map((s) => `${s.path}.value`),
  );
  return preview.validation.problems.filter((p) => !(p.path && filled.has(p.path)));
}

export function TenantPreview({ preview, templateName, secrets, onSecret, overrides, onOverride }: TenantPreviewProps) {
  const extensions = useMemo(() => readOnlyExtensions(), []);
  const envs = useMemo(() => secretEnvs(preview.yaml), [preview.yaml]);
  const leftovers = useMemo(() => templateLeftovers(preview), [preview]);
  const unresolved = unresolvedLeftovers(leftovers, overrides);
  // The leftovers have their own fields below; listing them again as notes would say it twice.
  const problems = remainingProblems(preview, secrets).filter((p) => !isTemplateLeftover(p, preview));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const state = errors > 0 ? 'invalid' : unresolved.length > 0 ? 'check' : 'valid';
  const cost = preview.validation.monthlyCostAfter;
  const headline =
    state === 'invalid'
      ? `${errors} problem${errors === 1 ? '' : 's'} to fix before creating`
      : state === 'check'
        ? `Ready to create once you check ${unresolved.length === 1 ? 'the value' : `${unresolved.length} values`} still pointing at ${templateName}`
        : 'Ready to create';

  return (
    <>
      <div
        className={`spec-validation spec-validation--${state === 'check' ? 'warning' : state}`}
        data-testid="tenant-validation"
        data-state={state}
      >
        <strong>{headline}</strong>
        {cost !== undefined ? (
          <span className="tabular" data-testid="tenant-cost">
            {' · '}
            {formatUsd(cost)}/mo as priced by DigitalOcean
          </span>
        ) : null}
      </div>
      {problems.length > 0 ? (
        <ul className="spec-review__problems" data-testid="tenant-problems">
          {problems.map((p, i) => (
            <li key={i} className={`spec-review__problem spec-review__problem--${p.severity}`}>
              <strong>{problemPlace(p)}</strong> — {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      {envs.length > 0 ? (
        <fieldset className="spec-tenant__secrets" data-testid="tenant-secrets">
          <legend>Secrets for the new app</legend>
          <p className="muted">
            Never copied from the template. Sent once with the new app; DigitalOcean encrypts them.
          </p>
          {envs.map((s) => (
            <label className="spec-tenant__secret" key={s.id}>
              <span>
                <code>{s.key}</code> <span className="muted">{s.component ?? 'app-level'}</span>
              </span>
              <input
                className="input input--compact"
                type="password"
                autoComplete="off"
                value={secrets[s.id] ?? ''}
                onChange={(e) => onSecret(s.id, e.target.value)}
                data-testid="tenant-secret"
                data-secret={s.id}
              />
            </label>
          ))}
        </fieldset>
      ) : null}
      {leftovers.length > 0 ? (
        <fieldset className="spec-tenant__secrets spec-tenant__leftovers" data-testid="tenant-leftovers">
          <legend>Values still pointing at {templateName}</legend>
          <p className="muted">
            The replacements did not change these: the new tenant would use {templateName}’s project. Enter the new
            tenant’s value, or leave it empty and confirm you know when creating.
          </p>
          {leftovers.map((l) => (
            <label className="spec-tenant__secret" key={l.id}>
              <span>
                <code>{l.key}</code> <span className="muted">{l.component ?? 'app-level'}</span>
                <span className="spec-tenant__was">now {l.value}</span>
              </span>
              <input
                className="input input--compact"
                type="text"
                spellCheck={false}
                placeholder="The new tenant’s value"
                value={overrides[l.id] ?? ''}
                onChange={(e) => onOverride(l.id, e.target.value)}
                aria-label={`New value for ${l.key}`}
                data-testid="tenant-override"
                data-env={l.id}
              />
            </label>
          ))}
        </fieldset>
      ) : null}
      <CodeEditor
        value={preview.yaml}
        extensions={extensions}
        label="New tenant spec (read-only)"
        testId="tenant-yaml"
        className="spec-tenant__yaml"
      />
    </>
  );
}
