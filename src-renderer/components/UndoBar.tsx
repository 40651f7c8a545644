import { useUndoStore } from '../stores/undoStore';
import './undoBar.css';

/** Every action waiting out its undo window, above everything else so it is always clickable. */
export function UndoBar() {
  const pending = useUndoStore((s) => s.pending);
  const undo = useUndoStore((s) => s.undo);
  if (pending.length === 0) return null;
  return (
    <div className="undo-stack" aria-live="polite">
      {pending.map((p) => (
        <div key={p.id} className="undo-bar" role="status" data-testid="undo-bar" data-key={p.key}>
          <span className="undo-bar__ring" aria-hidden="true">
            <span className="tabular">{p.secondsLeft}</span>
          </span>
          <span className="undo-bar__text">
            {p.label} in <span className="tabular">{p.secondsLeft}</span> s
            <span className="undo-bar__note"> — nothing has been sent yet</span>
          </span>
          <button type="button" className="undo-bar__button" onClick={() => undo(p.id)} data-testid="undo-button">
            Undo
          </button>
        </div>
      ))}
    </div>
  );
}
