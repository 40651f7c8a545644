// A modal dialog drawn in the page (not the top layer) so the undo bar and toasts stay above it
// and clickable. Escape and the backdrop close it unless it is busy; Tab stays inside.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

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
}

const FOCUSABLE =
  'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea, a[href], [tabindex]:not([tabindex="-1"])';

export function Dialog({
  title,
  subtitle,
  children,
  footer,
  onClose,
  busy,
  testId = 'confirm-dialog',
  width = 520,
}: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // A control marked autoFocus already took focus; otherwise the dialog itself takes it.
    if (!ref.current?.contains(document.activeElement)) ref.current?.focus();
    return () => previous?.focus();
  }, []);

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
            // Enter may confirm an ordinary action; a destructive one needs a deliberate click or Tab.
            autoFocus={tone !== 'danger'}
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
