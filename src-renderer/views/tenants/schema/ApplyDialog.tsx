// "Apply to tenants…": one dialog walked in steps (choose → review → run → result). Apply is a
// button of the review step only, so there is no path to a database that skips the SQL.
import { useEffect, useRef } from 'react';
import type { SchemaDrift } from '../../../../src-preload/contract';
import { Dialog } from '../../../components/Dialog';
import { chosenTargets, sourceRequest, useSchemaDriftStore, type ApplyFlow } from '../../../stores/schemaDriftStore';
import { ApplyChoose } from './ApplyChoose';
import { ApplyResult, ApplyReview, ApplyRunning } from './ApplyReview';

const TITLE: Record<ApplyFlow['step'], string> = {
  choose: 'Apply to tenants',
  review: 'Review before applying',
  running: 'Applying',
  done: 'Run finished',
};

export function ApplyDialog({ flow, drift }: { flow: ApplyFlow; drift: SchemaDrift }) {
  const actions = useSchemaDriftStore.getState();
  const targets = chosenTargets(flow);
  const count = targets.length === 1 ? '1 tenant' : `${targets.length} tenants`;
  const what =
    flow.review?.value?.name ??
    flow.migration ??
    (flow.files?.files.length ? `${flow.files.files.length} migrations` : flow.fileName || 'a migration');
  const running = flow.step === 'running';
  const body = useRef<HTMLDivElement>(null);

  // Each step replaces the buttons the focus was on; it moves to the new step's safe button (Back,
  // Close), or the dialog while nothing can be pressed, so Escape and Tab keep working.
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    const dialog = body.current?.closest<HTMLElement>('[role="dialog"]');
    const safe = dialog?.querySelector<HTMLElement>('.dialog__footer .button:not(.button--primary):not(:disabled)');
    (safe ?? dialog)?.focus();
  }, [flow.step]);

  const footer =
    flow.step === 'choose' ? (
      <>
        <span className="dialog__aside muted">Nothing runs until you apply it on the review screen.</span>
        <button type="button" className="button" onClick={actions.close}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void actions.toReview()}
          disabled={!sourceRequest(flow) || targets.length === 0 || flow.reading}
          data-testid="apply-review-button"
        >
          Review SQL…
        </button>
      </>
    ) : flow.step === 'review' ? (
      <>
        <span className="dialog__aside" />
        <button type="button" className="button" onClick={actions.back} data-testid="apply-back">
          Back
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void actions.apply()}
          disabled={!flow.review?.value}
          data-testid="apply-confirm"
        >
          Apply to {count}
        </button>
      </>
    ) : (
      <>
        <span className="dialog__aside" />
        <button type="button" className="button" onClick={actions.close} disabled={running} data-testid="apply-close">
          Close
        </button>
      </>
    );

  return (
    <Dialog
      title={`${TITLE[flow.step]}: ${what}`}
      subtitle={
        flow.step === 'choose'
          ? 'Pick where the SQL comes from and the tenants it goes to. You see the SQL before anything runs.'
          : undefined
      }
      onClose={actions.close}
      busy={running}
      testId="apply-dialog"
      width={720}
      start="safe"
      footer={footer}
    >
      <div ref={body} className="drift-step-body">
        {flow.step === 'choose' ? <ApplyChoose flow={flow} drift={drift} /> : null}
        {flow.step === 'review' ? <ApplyReview flow={flow} drift={drift} /> : null}
        {flow.step === 'running' ? <ApplyRunning flow={flow} /> : null}
        {flow.step === 'done' ? <ApplyResult flow={flow} /> : null}
      </div>
    </Dialog>
  );
}
