// Right-sizing's suggestion inside the Scale dialog: why (the rule that fired, in words), what it
// saves or costs a month, and on what evidence (a week of CPU, memory and restarts), so the size
// is chosen with the reason in view, whether the dialog came from Apply or from the Scale button.
import { formatPercent, formatUsd } from '../../format';
import type { ScaleAdvice } from '../../stores/scaleStore';
import './scaleAdvice.css';

interface ScaleAdviceNoteProps {
  suggestion: ScaleAdvice;
  /** The size the draft is at: a "use it" button shows while it is not the suggested one. */
  draftSize: string;
  onUse: (size: string) => void;
  disabled?: boolean;
}

export function ScaleAdviceNote({ suggestion, draftSize, onUse, disabled }: ScaleAdviceNoteProps) {
  const { advice, windowDays } = suggestion;
  const size = advice.suggestedSlug!;
  const delta = advice.monthlyDelta;
  const { cpuP95, memoryP95, restarts, samples } = advice.evidence;
  const direction = advice.direction === 'down' ? 'Size down' : 'Size up';
  return (
    <section
      className="scale-advice"
      data-direction={advice.direction}
      aria-label="Right-sizing advice"
      data-testid="scale-advice"
    >
      <p className="scale-advice__head">
        <strong>
          Right-sizing: {direction.toLowerCase()} to <code>{size}</code>
        </strong>
        {delta !== undefined ? (
          <span className="scale-advice__delta" data-testid="scale-advice-delta">
            {delta < 0
              ? `saves ${formatUsd(-delta)} a month`
              : delta > 0
                ? `adds ${formatUsd(delta)} a month`
                : 'same price'}
          </span>
        ) : null}
        {draftSize !== size ? (
          <button
            type="button"
            className="button button--small scale-advice__use"
            onClick={() => onUse(size)}
            disabled={disabled}
            data-testid="scale-advice-use"
          >
            Use {size}
          </button>
        ) : null}
      </p>
      <p className="scale-advice__reason" data-testid="scale-advice-reason">
        {advice.reason}
      </p>
      <p className="scale-advice__evidence muted" data-testid="scale-advice-evidence">
        Last {windowDays} days: CPU p95 {formatPercent(cpuP95)}, memory p95 {formatPercent(memoryP95)}, {restarts}{' '}
        restart{restarts === 1 ? '' : 's'}, {samples.toLocaleString('en-US')} samples.
      </p>
    </section>
  );
}
