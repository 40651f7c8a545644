// A SECRET env's new value, typed into a password field and handed to the main process, which keeps
// it in memory until apply. It never appears in the YAML, the draft file or a log.
import { useState } from 'react';
import { describeError } from '../../actionFormat';
import { Dialog } from '../../components/Dialog';
import { useSpecEditorStore } from '../../stores/specEditorStore';

export interface SecretTarget {
  component?: string;
  key: string;
}

interface SecretDialogProps {
  appId: string;
  target: SecretTarget;
  onClose: () => void;
}

export function SecretDialog({ appId, target, onClose }: SecretDialogProps) {
  const setSecret = useSpecEditorStore((s) => s.setSecret);
  const clearError = useSpecEditorStore((s) => s.clearSecretError);
  const busy = useSpecEditorStore((s) => s.editors[appId]?.secretBusy ?? false);
  const error = useSpecEditorStore((s) => s.editors[appId]?.secretError);
  const [value, setValue] = useState('');
  const [shown, setShown] = useState(false);
  const where = target.component ? `component ${target.component}` : 'the app (app-level env)';

  const close = () => {
    setValue('');
    clearError(appId);
    onClose();
  };
  const submit = async () => {
    if (!value || busy) return;
    const ok = await setSecret(appId, {
      ...(target.component ? { component: target.component } : {}),
      key: target.key,
      value,
    });
    if (ok) close();
  };

  return (
    <Dialog
      title={`New value for ${target.key}`}
      subtitle={`SECRET env of ${where}`}
      onClose={close}
      busy={busy}
      testId="secret-dialog"
      width={480}
      footer={
        <>
          <span className="dialog__aside" />
          <button type="button" className="button" onClick={close} disabled={busy}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void submit()}
            disabled={!value || busy}
            data-testid="secret-save"
          >
            {busy ? 'Setting…' : 'Set new value'}
          </button>
        </>
      }
    >
      <form
        className="secret-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label className="secret-form__label" htmlFor="secret-value">
          New value
        </label>
        <div className="secret-form__row">
          <input
            id="secret-value"
            className="input"
            type={shown ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={value}
            onChange={(e) => setValue(e.target.value)}
            data-testid="secret-input"
          />
          <button type="button" className="button button--quiet" onClick={() => setShown(!shown)} aria-pressed={shown}>
            {shown ? 'Hide' : 'Show'}
          </button>
        </div>
        <p className="muted secret-form__note">
          Kept in memory until you apply the draft, then sent to DigitalOcean, which encrypts it. It is never written
          into the YAML or the draft file. Closing Fleetdeck before applying forgets it.
        </p>
        {error ? (
          <p className="field-error" role="alert">
            {describeError(error).title}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
