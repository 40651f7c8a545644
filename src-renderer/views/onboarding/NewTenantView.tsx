// "New tenant": the form on the left, the plan on the right. Plan asks main to check and price
// the form (nothing is created); Start sends that plan and opens the run's progress.
import { useEffect, useMemo } from 'react';
import { Breadcrumb } from '../../components/Breadcrumb';
import { ErrorState, InlineWarning } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { hrefFor } from '../../stores/navigationStore';
import { planKey, useOnboardingStore } from '../../stores/onboardingStore';
import { useTenantsStore } from '../../stores/tenantsStore';
import { PlanPanel } from './PlanPanel';
import { TenantFormFields } from './TenantFormFields';
import { useTenantForm } from './useTenantForm';
import './onboarding.css';

export function NewTenantView() {
  const matrix = useTenantsStore((s) => s.matrix);
  const matrixError = useTenantsStore((s) => s.error);
  const matrixLoading = useTenantsStore((s) => s.loading);
  const organizations = useOnboardingStore((s) => s.organizations);
  const organizationsProblem = useOnboardingStore((s) => s.organizationsProblem);
  const zones = useOnboardingStore((s) => s.zones);
  const optionsError = useOnboardingStore((s) => s.optionsError);
  const { plan, plannedFor, planning, planError, starting, startError } = useOnboardingStore();

  useEffect(() => {
    void useOnboardingStore.getState().loadOptions();
  }, []);

  const tenants = matrix?.tenants ?? [];
  const registryProjects = useMemo(() => {
    const projects = new Map<string, string>();
    for (const t of matrix?.tenants ?? [])
      if (t.supabase?.project) projects.set(t.supabase.ref, t.supabase.project.name);
    for (const p of matrix?.unmatchedProjects ?? []) projects.set(p.ref, p.name);
    return [...projects].map(([ref, name]) => ({ ref, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [matrix]);
  // The template's SECRET envs main cannot fill (not from the project, not generated) ask for a value.
  const secretKeys = useMemo(
    () => (plan?.secrets ?? []).filter((s) => s.how === 'missing' || s.how === 'provided').map((s) => s.key),
    [plan],
  );
  const form = useTenantForm({ tenants, organizations, zones, registryProjects, secretKeys });
  const key = planKey(form.request);

  const breadcrumb = (
    <Breadcrumb back={{ href: hrefFor({ name: 'tenants' }), label: 'Tenants' }} current="New tenant" />
  );

  if (!matrix) {
    return (
      <main className="view view--onboard">
        {breadcrumb}
        {matrixError && !matrixLoading ? (
          <ErrorState
            title="Couldn’t load the tenants to pick a template"
            error={matrixError}
            onRetry={() => void useTenantsStore.getState().load()}
          />
        ) : (
          <LoadingState label="Loading the tenants…" rows={4} columns={2} />
        )}
      </main>
    );
  }

  return (
    <main className="view view--onboard" aria-labelledby="onboard-title" data-testid="new-tenant-view">
      {breadcrumb}
      <h1 id="onboard-title" className="onboard-title">
        New tenant
      </h1>
      <p className="muted onboard-lead">
        A Supabase project with the template’s schema, an App Platform app from its spec with the project’s URL and keys
        as secrets, its DNS record, and a health check — one step at a time, resumable, each in the Activity log.
      </p>
      {optionsError ? (
        <InlineWarning error={optionsError}>Couldn’t read the DNS zones; the plan checks the hostname.</InlineWarning>
      ) : null}
      <div className="onboard-layout">
        <form
          className="onboard-form"
          data-testid="onboard-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (form.complete) void useOnboardingStore.getState().planTenant(form.request);
          }}
        >
          <TenantFormFields
            form={form}
            tenants={tenants}
            organizations={organizations}
            organizationsProblem={organizationsProblem}
            registryProjects={registryProjects}
          />
          <div className="onboard-form__actions">
            <button
              type="submit"
              className="button"
              disabled={!form.complete || planning}
              data-testid="onboard-plan-button"
            >
              {planning ? 'Planning…' : 'Plan'}
            </button>
            <span className="muted">Checks and prices it; creates nothing.</span>
          </div>
        </form>
        <div className="onboard-layout__plan">
          <PlanPanel
            plan={plan}
            stale={!!plan && plannedFor !== key}
            planning={planning}
            planError={planError}
            starting={starting}
            startError={startError}
            onStart={() => void useOnboardingStore.getState().start(form.request)}
          />
        </div>
      </div>
    </main>
  );
}
