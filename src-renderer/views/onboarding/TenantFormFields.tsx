// The new-tenant form: template, names, regions, the Supabase organization and size, and the
// optional registry insert with its SQL in full. Problems show under their field as the founder
// types; Plan asks main, which checks the rest against the live accounts.
import type { ReactNode } from 'react';
import type { TenantRow } from '../../../src-preload/contract';
import { SUPABASE_INSTANCE_SIZES, SUPABASE_REGIONS } from '../../../src-preload/contract/onboarding';
import type { OrganizationChoice } from '../../stores/onboardingStore';
import type { TenantForm } from './useTenantForm';

/** App Platform regions (slugs as the API takes them). */
const APP_REGIONS = ['atl', 'nyc', 'sfo', 'ams', 'lon', 'fra', 'tor', 'sgp', 'blr', 'syd'];
/** What a registry parameter may hold, filled in by main when the step runs. */
const PLACEHOLDERS = ['subdomain', 'name', 'hostname', 'ref', 'supabase_url', 'anon_key'];

interface Props {
  form: TenantForm;
  tenants: readonly TenantRow[];
  organizations?: readonly OrganizationChoice[];
  organizationsProblem?: string;
  registryProjects: ReadonlyArray<{ ref: string; name: string }>;
}

export function TenantFormFields({ form, tenants, organizations, organizationsProblem, registryProjects }: Props) {
  const { problems, registry } = form;
  const templates = [...tenants].sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name));
  return (
    <>
      <label className="field">
        <span className="field__label">Template tenant</span>
        <select
          className="input"
          value={form.templateAppId}
          onChange={(e) => form.setTemplateAppId(e.target.value)}
          data-testid="onboard-template"
        >
          <option value="">Choose a tenant to copy…</option>
          {templates.map((t) => (
            <option key={t.appId} value={t.appId} disabled={!t.supabase?.project}>
              {t.name} ({t.group}){t.supabase?.project ? '' : ' — no Supabase project to copy'}
            </option>
          ))}
        </select>
        <span className="field__hint">Its app spec and its Supabase migrations, in the same order.</span>
      </label>

      <NameField
        label="App name"
        value={form.name}
        onChange={form.setName}
        placeholder="taskifai-acme"
        problem={problems.name}
        testId="onboard-name"
      >
        <span className="field__hint">Also the Supabase project’s name.</span>
      </NameField>

      <NameField
        label="Hostname"
        value={form.hostname}
        onChange={form.setHostname}
        placeholder="acme.taskifai.com"
        problem={problems.hostname}
        testId="onboard-hostname"
      >
        {problems.zone ? (
          <span className="field__hint onboard-warning" data-testid="onboard-zone-problem">
            {problems.zone}
          </span>
        ) : (
          <span className="field__hint">
            {problems.zoneName ? `In the ${problems.zoneName} zone. ` : ''}
            {form.hostnameSuggested && form.hostname ? 'Suggested from the template’s domain.' : ''}
          </span>
        )}
      </NameField>

      <div className="onboard-form__pair">
        <label className="field">
          <span className="field__label">App Platform region</span>
          <select
            className="input"
            value={form.region}
            onChange={(e) => form.setRegion(e.target.value)}
            data-testid="onboard-region"
          >
            <option value="">Template’s{form.template ? ` (${form.template.region})` : ''}</option>
            {APP_REGIONS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Supabase region</span>
          <select
            className="input"
            value={form.supabaseRegion ?? ''}
            onChange={(e) => form.setSupabaseRegion(e.target.value as (typeof SUPABASE_REGIONS)[number])}
            data-testid="onboard-supabase-region"
          >
            {form.supabaseRegion ? null : <option value="">Choose…</option>}
            {SUPABASE_REGIONS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="onboard-form__pair">
        <label className="field">
          <span className="field__label">Supabase organization</span>
          <select
            className="input"
            value={form.organizationSlug}
            onChange={(e) => form.setOrganization(e.target.value)}
            disabled={!organizations}
            data-testid="onboard-organization"
          >
            {form.organizationSlug ? null : <option value="">{organizations ? 'Choose…' : 'Loading…'}</option>}
            {organizations?.map((o) => (
              <option key={o.slug} value={o.slug}>
                {o.name}
                {o.plan ? ` · ${o.plan}` : ''} · {o.projects} project{o.projects === 1 ? '' : 's'}
              </option>
            ))}
          </select>
          {organizationsProblem ? <span className="field-error">{organizationsProblem}</span> : null}
        </label>
        <label className="field">
          <span className="field__label">Compute size</span>
          <select
            className="input"
            value={form.instanceSize}
            onChange={(e) => form.setInstanceSize(e.target.value as typeof form.instanceSize)}
            data-testid="onboard-size"
          >
            <option value="">Organization’s default</option>
            {SUPABASE_INSTANCE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>

      {form.secretKeys.length > 0 ? (
        <fieldset className="onboard-registry" data-testid="onboard-secrets">
          <legend className="field__label">Secrets the template uses</legend>
          <span className="field__hint">
            Never copied from {form.template?.name ?? 'the template'}. Sent with the plan and kept in the keychain for
            the run.
          </span>
          {form.secretKeys.map((key) => (
            <label className="onboard-secret" key={key}>
              <code>{key}</code>
              <input
                className="input input--compact"
                type="password"
                autoComplete="off"
                value={form.secrets[key] ?? ''}
                onChange={(e) => form.setSecret(key, e.target.value)}
                data-testid="onboard-secret"
                data-key={key}
              />
            </label>
          ))}
        </fieldset>
      ) : null}

      <fieldset className="onboard-registry" data-testid="onboard-registry">
        <label className="check">
          <input
            type="checkbox"
            checked={registry.on}
            onChange={(e) => form.setRegistry({ on: e.target.checked })}
            data-testid="onboard-registry-on"
          />
          <span>
            Also register in the registry project
            <span className="check__hint">A row for the central login, inserted with the SQL below.</span>
          </span>
        </label>
        {registry.on ? (
          <>
            <label className="field">
              <span className="field__label">Registry project</span>
              <select
                className="input"
                value={registry.ref}
                onChange={(e) => form.setRegistry({ ref: e.target.value })}
                data-testid="onboard-registry-project"
              >
                {registry.ref ? null : <option value="">Choose a Supabase project…</option>}
                {registryProjects.map((p) => (
                  <option key={p.ref} value={p.ref}>
                    {p.name} ({p.ref})
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">SQL (parameters are sent apart)</span>
              <textarea
                className="input onboard-registry__sql"
                value={registry.sql}
                onChange={(e) => form.setRegistry({ sql: e.target.value })}
                rows={4}
                spellCheck={false}
                data-testid="onboard-registry-sql"
              />
            </label>
            <ol className="onboard-registry__params" data-testid="onboard-registry-params">
              {registry.parameters.map((p, i) => (
                <li key={i}>
                  <code>${i + 1}</code>
                  <input
                    className="input input--compact"
                    value={p}
                    onChange={(e) =>
                      form.setRegistry({
                        parameters: registry.parameters.map((q, j) => (j === i ? e.target.value : q)),
                      })
                    }
                    aria-label={`Parameter $${i + 1}`}
                    spellCheck={false}
                  />
                </li>
              ))}
            </ol>
            <span className="field__hint">
              {PLACEHOLDERS.map((p, i) => (
                <span key={p}>
                  {i > 0 ? ', ' : ''}
                  <code>{`{{${p}}}`}</code>
                </span>
              ))}{' '}
              are filled in when the step runs.
            </span>
          </>
        ) : null}
      </fieldset>
    </>
  );
}

interface NameFieldProps {
  label: string;
  value: string;
  /** Gets the text without surrounding spaces (a name or hostname never has any). */
  onChange: (value: string) => void;
  placeholder: string;
  /** What is wrong with the text as typed; shown instead of the hint. */
  problem?: string;
  testId: string;
  /** The hint under the field while there is no problem. */
  children: ReactNode;
}

/** A name typed by hand, checked as it is typed: the problem (`<testId>-problem`) replaces the hint. */
function NameField({ label, value, onChange, placeholder, problem, testId, children }: NameFieldProps) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className={problem ? 'input input--invalid' : 'input'}
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        data-testid={testId}
      />
      {problem ? (
        <span className="field-error" data-testid={`${testId}-problem`}>
          {problem}
        </span>
      ) : (
        children
      )}
    </label>
  );
}
