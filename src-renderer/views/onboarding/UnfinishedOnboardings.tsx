// On the Tenants view: onboardings that have not finished (running, failed, stopped when Fleetdeck
// closed), each with where it stopped and a link to carry on, followed live while shown. Nothing
// shows when there are none.
import { useEffect } from 'react';
import { Badge } from '../../components/Badge';
import { InlineWarning } from '../../components/ErrorState';
import { hrefFor } from '../../stores/navigationStore';
import { useOnboardingStore } from '../../stores/onboardingStore';
import { isUnfinished, RUN_STATE_TONE, RUN_STATE_WORDS, whereStopped } from './onboardingModel';
import './onboarding.css';

export function UnfinishedOnboardings() {
  const runs = useOnboardingStore((s) => s.runs);
  const error = useOnboardingStore((s) => s.runsError);

  useEffect(() => useOnboardingStore.getState().followRuns(), []);

  if (error) return <InlineWarning error={error}>Couldn’t list the onboardings in progress.</InlineWarning>;
  const unfinished = (runs ?? []).filter(isUnfinished);
  if (unfinished.length === 0) return null;
  return (
    <section className="onboard-unfinished" aria-labelledby="unfinished-title" data-testid="unfinished-onboardings">
      <h2 id="unfinished-title" className="onboard-unfinished__title">
        Onboardings not finished
      </h2>
      <ul>
        {unfinished.map((run) => (
          <li key={run.id} data-testid="unfinished-onboarding" data-name={run.name}>
            <a href={hrefFor({ name: 'onboarding', id: run.id })} className="onboard-unfinished__name">
              {run.name}
            </a>
            <Badge tone={RUN_STATE_TONE[run.state]}>{RUN_STATE_WORDS[run.state]}</Badge>
            {/* One line per run; the whole error on hover and on the run's page. */}
            <span className="onboard-unfinished__where" title={whereStopped(run)}>
              {whereStopped(run)}
            </span>
            <a href={hrefFor({ name: 'onboarding', id: run.id })} className="onboard-unfinished__open">
              {run.state === 'running' ? 'Follow' : 'Open'} →
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
