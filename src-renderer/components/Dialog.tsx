// A modal dialog drawn in the page (not the top layer) so the undo bar and toasts stay above it
// and clickable. Escape and the backdrop close it unless it is busy; Tab stays inside. It opens
// on its first field, or else on a safe button (Cancel), never on the action itself: a second
// Enter after the one that opened it must not deploy. Closed, it gives focus back to the opener.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './dialog.css';

interface DialogProps {
  title: ReactNode;
  /** One line under the title: what the dialog is about. */
  subtitle?: ReactNode;
  children: ReactNode;
  footer: ReactNode;
  onClose: () => void;
  /** While true, Escape and the backdrop do nothing (a request is on its way). */
  busy?: boolean;
  testId?: string;
  width?: number;
  /** Where focus starts: the first field (forms), or the safe button (confirmations). */
  start?: 'field' | 'safe';
}

const FOCUSABLE =
  'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea, a[href], [tabindex]:not([tabindex="-1"])';
const FIELD = '.dialog__body :is(input, select, textarea):not(:disabled):not([type="hidden"])';
/** The buttons that act: confirm, apply, deploy, undo… */
const ACTION = '.button--primary, .button--danger';

/**
 * Where focus goes on open: a control the dialog autofocused (unless it is the action), else the
 * first field of a form, else a safe button (Cancel). A confirmation starts on the safe button
 * even with an option in it: its text is what the founder reads first.
 */
function initialFocus(dialog: HTMLElement, start: 'field' | 'safe'): HTMLElement {
  const active = document.activeElement;
  if (active instanceof HTMLElement && dialog.contains(active) && active !== dialog && !active.matches(ACTION))
    return active;
  const field = start === 'field' ? dialog.querySelector<HTMLElement>(FIELD) : null;
  const safe = [...dialog.querySelectorAll<HTMLButtonElement>('.dialog__footer button:not(:disabled)')].find(
    (b) => !b.matches(ACTION),
  );
  return field ?? safe ?? dialog;
}

export function Dialog({
  title,
  subtitle,
  children,
  footer,
  onClose,
  busy,
  testId = 'confirm-dialog',
  width = 520,
  start = 'field',
}: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Read while rendering: by the time effects run, a control marked autoFocus inside has taken
  // focus, and the opener would be lost.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    if (ref.current) initialFocus(ref.current, start).focus();
    // An opener that left the page (its row re-rendered away) cannot take focus back.
    return () => {
      if (opener?.isConnected) opener.focus();
    };
    // Focus is placed once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opener]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Page shortcuts (the overview's "/", arrows, Enter) must not act behind the dialog.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!busy) onClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget && !busy) onClose();
      }}
    >
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        tabIndex={-1}
        style={{ width }}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <header className="dialog__header">
          <h2 id="dialog-title" className="dialog__title">
            {title}
          </h2>
          {subtitle ? <p className="dialog__subtitle">{subtitle}</p> : null}
        </header>
        <div className="dialog__body">{children}</div>
        <footer className="dialog__footer">{footer}</footer>
      </div>
    </div>
  );
}

interface ConfirmDialogProps {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  /** 'danger' for actions that stop or undo something. */
  tone?: 'primary' | 'danger';
  confirmDisabled?: boolean;
  busy?: boolean;
  testId?: string;
  /** Extra controls at the footer's left (a checkbox, a note). */
  aside?: ReactNode;
}

/** One honest confirmation: says what will happen, then one button does it. */
export function ConfirmDialog({
  title,
  subtitle,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  tone = 'primary',
  confirmDisabled,
  busy,
  testId,
  aside,
}: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      subtitle={subtitle}
      onClose={onClose}
      busy={busy}
      testId={testId}
      start="safe"
      footer={
        <>
          <span className="dialog__aside">{aside}</span>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="button"
            className={tone === 'danger' ? 'button button--danger' : 'button button--primary'}
            onClick={onConfirm}
            disabled={confirmDisabled || busy}
            data-testid="confirm-button"
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
