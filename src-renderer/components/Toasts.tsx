import { hrefFor } from '../stores/navigationStore';
import { useNoticesStore } from '../stores/noticesStore';
import './toasts.css';

/** Notices of finished deployments, newest at the bottom, each gone after a few seconds. */
export function Toasts() {
  const toasts = useNoticesStore((s) => s.toasts);
  const dismiss = useNoticesStore((s) => s.dismiss);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" aria-live="polite" aria-relevant="additions">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`toast toast--${t.level}`}
          role={t.level === 'error' ? 'alert' : 'status'}
          data-testid="toast"
          data-level={t.level}
        >
          <span className="toast__icon" aria-hidden="true">
            {t.level === 'success' ? '✓' : t.level === 'error' ? '!' : 'i'}
          </span>
          <div className="toast__content">
            <strong className="toast__title">{t.title}</strong>
            {t.body ? <p className="toast__body">{t.body}</p> : null}
            {t.appId ? (
              <a className="toast__link" href={hrefFor({ name: 'app', appId: t.appId })} onClick={() => dismiss(t.id)}>
                Open app →
              </a>
            ) : null}
          </div>
          <button type="button" className="toast__close" onClick={() => dismiss(t.id)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
