// The new tenant's spec as previewed: DigitalOcean's verdict and monthly price, the problems at their
// lines, a password field for each SECRET env (never copied from the template), and the YAML.
import { useMemo } from 'react';
import type { SpecProblem, TenantTemplatePreview } from '../../../src-preload/contract';
import { formatUsd } from '../../format';
import { secretEnvs } from '../../specSchema/secrets';
import { CodeEditor } from './editor/CodeEditor';
import { readOnlyExtensions } from './editor/extensions';
import { problemPlace } from './SpecStatus';

interface TenantPreviewProps {
  preview: TenantTemplatePreview;
  secrets: Readonly<Record<string, string>>;
  onSecret: (id: string, value: string) => void;
}

/** Problems left once the secrets typed here are counted: a missing SECRET value is one of them. */
export function remainingProblems(preview: TenantTemplatePreview, secrets: Readonly<Record<string, string>>): SpecProblem[] {
  const filled = new Set(
    secretEnvs(preview.yaml)
      .filter((s) => secrets[s.id])
      .map((s) => `${s.path}.value`),
  );
  return preview.validation.problems.filter((p) => !(p.path && filled.has(p.path)));
}

export function TenantPreview({ preview, secrets, onSecret }: TenantPreviewProps) {
  const extensions = useMemo(() => readOnlyExtensions(), []);
  const envs = useMemo(() => secretEnvs(preview.yaml), [preview.yaml]);
  const problems = remainingProblems(preview, secrets);
  const valid = !problems.some((p) => p.severity === 'error');
  const cost = preview.validation.monthlyCostAfter;

  return (
    <>
      <div className={valid ? 'spec-validation spec-validation--valid' : 'spec-validation spec-validation--invalid'} data-testid="tenant-validation" data-state={valid ? 'valid' : 'invalid'}>
        <strong>{valid ? 'Ready to create' : `${problems.filter((p) => p.severity === 'error').length} problem(s) to fix before creating`}</strong>
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
          <p className="muted">Never copied from the template. Sent once with the new app; DigitalOcean encrypts them.</p>
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
      <CodeEditor value={preview.yaml} extensions={extensions} label="New tenant spec (read-only)" testId="tenant-yaml" className="spec-tenant__yaml" />
    </>
  );
}
