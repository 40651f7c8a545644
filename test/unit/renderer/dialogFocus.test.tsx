// @vitest-environment jsdom
// The founder works the dialogs from the keyboard: Enter on "Deploy…" opens the confirmation, and
// a second Enter must not deploy, so focus starts on Cancel (or on a form's first field). Escape
// closes the dialog and puts focus back on the button that opened it.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmDialog, Dialog } from '../../../src-renderer/components/Dialog';

afterEach(cleanup);

/** A page with one button that opens the dialog `body` draws, and counts what it confirmed. */
function Page({ label, body }: { label: string; body: (close: () => void, confirm: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const [confirmed, setConfirmed] = useState(0);
  const close = () => setOpen(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {label}
      </button>
      <output data-testid="confirmed">{confirmed}</output>
      {open
        ? body(close, () => {
            setConfirmed((n) => n + 1);
            close();
          })
        : null}
    </>
  );
}

const deployConfirmation = (tone: 'primary' | 'danger') => (close: () => void, confirm: () => void) => (
  <ConfirmDialog title="Deploy taskifai-demo?" confirmLabel="Deploy" tone={tone} onConfirm={confirm} onClose={close}>
    <p>App Platform starts a new deployment from the current spec.</p>
    <label>
      <input type="checkbox" /> Force rebuild
    </label>
  </ConfirmDialog>
);

/** Opens the dialog the way a keyboard user does: focus on the button, then activate it. */
function openWith(label: string) {
  const opener = screen.getByRole('button', { name: label });
  opener.focus();
  fireEvent.click(opener);
  return opener;
}

describe('a confirmation opened from the keyboard', () => {
  it('starts on Cancel, so the Enter after the one that opened it does not deploy', () => {
    render(<Page label="Deploy…" body={deployConfirmation('primary')} />);
    openWith('Deploy…');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).not.toBe(screen.getByTestId('confirm-button'));
  });

  it('gives focus back to “Deploy…” when Escape closes it', () => {
    render(<Page label="Deploy…" body={deployConfirmation('primary')} />);
    const opener = openWith('Deploy…');
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(screen.getByTestId('confirmed').textContent).toBe('0');
  });

  it('does the same for a destructive one (undo a rollback)', () => {
    render(<Page label="Undo rollback" body={deployConfirmation('danger')} />);
    const opener = openWith('Undo rollback');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(document.activeElement).toBe(opener);
  });

  it('gives focus back to the opener after Cancel or after confirming too', () => {
    render(<Page label="Deploy…" body={deployConfirmation('primary')} />);
    const opener = openWith('Deploy…');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(opener);
    openWith('Deploy…');
    fireEvent.click(screen.getByTestId('confirm-button'));
    expect(screen.getByTestId('confirmed').textContent).toBe('1');
    expect(document.activeElement).toBe(opener);
  });
});

describe('a dialog with a form', () => {
  it('starts on its first field', () => {
    render(
      <Page
        label="Scale…"
        body={(close) => (
          <Dialog
            title="Scale api"
            onClose={close}
            footer={
              <>
                <button type="button" className="button" onClick={close}>
                  Cancel
                </button>
                <button type="button" className="button button--primary">
                  Apply
                </button>
              </>
            }
          >
            <label>
              Instance size
              <select defaultValue="apps-s-1vcpu-1gb">
                <option>apps-s-1vcpu-1gb</option>
                <option>apps-s-1vcpu-2gb</option>
              </select>
            </label>
          </Dialog>
        )}
      />,
    );
    openWith('Scale…');
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Instance size' }));
  });

  it('moves focus off an action that asked for it (autoFocus), onto Cancel', () => {
    render(
      <Page
        label="Deploy to selected (3)"
        body={(close) => (
          <Dialog
            title="Deploy 3 apps?"
            onClose={close}
            footer={
              <>
                <button type="button" className="button" onClick={close}>
                  Cancel
                </button>
                <button type="button" className="button button--primary" autoFocus>
                  Deploy 3 apps
                </button>
              </>
            }
          >
            <p>Each app is deployed from its current spec, one at a time.</p>
          </Dialog>
        )}
      />,
    );
    const opener = openWith('Deploy to selected (3)');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(document.activeElement).toBe(opener);
  });
});
