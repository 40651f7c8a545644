// The new project's database password: never on screen unless the founder clicks Reveal, which
// asks main for it; Hide (or leaving the page) forgets it again.
import type { OnboardingRun } from '../../../src-preload/contract';
import { useOnboardingStore } from '../../stores/onboardingStore';

export function DbPassword({ run }: { run: OnboardingRun }) {
  const password = useOnboardingStore((s) => s.password);
  const revealing = useOnboardingStore((s) => s.revealing);
  const revealError = useOnboardingStore((s) => s.revealError);
  const { reveal, hidePassword } = useOnboardingStore.getState();

  if (run.dbPassword === 'gone') {
    return <span className="muted">Not kept any more.</span>;
  }
  return (
    <span className="onboard-password" data-testid="db-password">
      {password ? (
        <>
          <code className="selectable" data-testid="db-password-value">
            {password}
          </code>
          <button type="button" className="button button--small button--quiet" onClick={hidePassword}>
            Hide
          </button>
        </>
      ) : (
        <>
          <span className="onboard-password__mask" aria-label="Hidden">
            ••••••••••••
          </span>
          <button
            type="button"
            className="button button--small"
            onClick={() => void reveal()}
            disabled={revealing}
            data-testid="db-password-reveal"
          >
            {revealing ? 'Revealing…' : 'Reveal'}
          </button>
        </>
      )}
      {run.dbPassword === 'memory' ? (
        <span className="muted">No keychain here: kept only until Fleetdeck quits.</span>
      ) : null}
      {revealError ? <span className="field-error">{revealError.message}</span> : null}
    </span>
  );
}
