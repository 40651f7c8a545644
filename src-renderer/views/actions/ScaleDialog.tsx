// Scale one component: size, fixed count or autoscaling bounds, with the app's monthly cost before
// → after as the API prices it. Every edit is re-priced (debounced) by the scale store.
import type { FleetError, ScalePreview } from '../../../src-preload/contract';
import {
  autoscaleCeiling,
  costDeltaTone,
  describeError,
  formatCostDelta,
  formatInstances,
  isNoChange,
  scaleChangeOf,
} from '../../actionFormat';
import { Dialog } from '../../components/Dialog';
import { Money } from '../../components/Money';
import { SizeSelect } from '../../components/SizeSelect';
import { formatUsd } from '../../format';
import { useScaleStore, type ScaleDialogState } from '../../stores/scaleStore';
import { UndoNote } from './AppActions';
import { ScaleAdviceNote } from './ScaleAdviceNote';
import './progress.css';
import './actionDialogs.css';

export function ScaleDialog() {
  const dialog = useScaleStore((s) => s.dialog);
  if (!dialog) return null;
  return <ScaleDialogBody dialog={dialog} />;
}

function ScaleDialogBody({ dialog }: { dialog: ScaleDialogState }) {
  const { edit, reload, apply, close } = useScaleStore.getState();
  const { draft, preview, previewing, previewError, problem, applying, applyError } = dialog;
  const stale = applyError?.code === 'stale';
  const unchanged = isNoChange(scaleChangeOf(dialog.app.id, dialog.component, dialog.initial, draft));
  const options = preview?.sizeOptions ?? [];
  const scalable = options.find((o) => o.slug === draft.size)?.scalable ?? false;
  const ready = !!preview && !previewing && !problem && !previewError;
  const applyLabel = applying ? 'Applying…' : 'Apply';

  return (
    <Dialog
      title={`Scale ${dialog.component}`}
      subtitle={dialog.app.name}
      onClose={close}
      busy={applying}
      testId="scale-dialog"
      width={600}
      footer={
        <>
          <span className="dialog__aside">
            {unchanged ? (
              <span className="muted">Change the size or instances to see the new cost.</span>
            ) : (
              <UndoNote />
            )}
          </span>
          <button type="button" className="button" onClick={close} disabled={applying}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void apply()}
            disabled={!ready || unchanged || applying || stale}
            data-testid="confirm-button"
          >
            {applyLabel}
          </button>
        </>
      }
    >
      {stale ? (
        <div className="stale-note" role="alert" data-testid="scale-stale">
          <p>
            <strong>The app’s spec changed since you opened this dialog — nothing was sent.</strong> Review the new spec
            and try again.
          </p>
          <button type="button" className="button" onClick={() => void reload()} data-testid="scale-reload">
            Reload
          </button>
        </div>
      ) : applyError ? (
        <ErrorLine error={applyError} />
      ) : null}

      {dialog.advice ? (
        <ScaleAdviceNote
          suggestion={dialog.advice}
          draftSize={draft.size}
          onUse={(size) => edit({ size })}
          disabled={applying}
        />
      ) : null}

      <fieldset className="scale-form" disabled={applying}>
        <legend className="visually-hidden">New scale</legend>
        <SizeSelect
          label="Instance size"
          value={draft.size}
          onChange={(size) => edit({ size })}
          choices={options.map((o) => ({
            value: o.slug,
            label: `${o.label} — ${formatUsd(o.usdPerMonth)}/mo${o.scalable ? ' · autoscales' : ''}`,
          }))}
          testId="scale-size"
        />

        <div className="field">
          <span className="field__label">Instances</span>
          <div className="choice" role="radiogroup" aria-label="Instances">
            <label className={draft.autoscale ? 'choice__item' : 'choice__item is-on'}>
              <input
                type="radio"
                name="scale-mode"
                checked={!draft.autoscale}
                onChange={() => edit({ autoscale: false })}
              />
              Fixed count
            </label>
            <label
              className={`choice__item${draft.autoscale ? ' is-on' : ''}${scalable ? '' : ' is-disabled'}`}
              title={scalable ? undefined : 'Only dedicated-CPU sizes can autoscale'}
            >
              <input
                type="radio"
                name="scale-mode"
                checked={draft.autoscale}
                disabled={!scalable && !draft.autoscale}
                onChange={() => edit({ autoscale: true })}
                data-testid="scale-autoscale"
              />
              Autoscale
            </label>
          </div>
          <div className="scale-numbers">
            {draft.autoscale ? (
              <>
                <NumberField label="Min" value={draft.min} onChange={(min) => edit({ min })} testId="scale-min" />
                <span className="muted">to</span>
                <NumberField label="Max" value={draft.max} onChange={(max) => edit({ max })} testId="scale-max" />
                <span className="muted">instances, by CPU</span>
              </>
            ) : (
              <>
                <NumberField
                  label="Count"
                  value={draft.count}
                  onChange={(count) => edit({ count })}
                  testId="scale-count"
                />
                <span className="muted">instances</span>
              </>
            )}
          </div>
          {!scalable && options.length > 0 ? (
            <span className="field__hint">Autoscaling needs a dedicated-CPU size (the ones marked “autoscales”).</span>
          ) : null}
        </div>
      </fieldset>

      {problem ? <p className="field-error">{problem}</p> : null}

      {previewError ? (
        <div className="action-error action-error--inline" role="alert">
          <span className="action-error__icon" aria-hidden="true">
            !
          </span>
          <div className="action-error__text">Couldn’t price this change. {describeError(previewError).title}</div>
          <button type="button" className="button button--quiet" onClick={() => void reload()}>
            Retry
          </button>
        </div>
      ) : null}

      {preview ? (
        <Comparison preview={preview} updating={previewing || !!problem || stale} />
      ) : (
        <div className="compare compare--loading">Pricing with DigitalOcean…</div>
      )}
    </Dialog>
  );
}

function Comparison({ preview, updating }: { preview: ScalePreview; updating: boolean }) {
  const { before, after } = preview;
  const delta = formatCostDelta(preview.appMonthlyCostBefore, preview.appMonthlyCostAfter);
  const ceiling = autoscaleCeiling(preview.appMonthlyCostAfter, after);
  return (
    <div className={updating ? 'compare is-updating' : 'compare'} aria-busy={updating} data-testid="scale-preview">
      <table className="compare__table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Before</th>
            <th scope="col" aria-hidden="true" />
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          <Row label="Size" before={before.instanceSizeSlug} after={after.instanceSizeSlug} mono />
          <Row label="Instances" before={formatInstances(before)} after={formatInstances(after)} />
          <tr>
            <th scope="row">{preview.component} per month</th>
            <td>
              <Money cost={before.componentMonthlyCost} />
            </td>
            <td className="compare__arrow" aria-hidden="true">
              →
            </td>
            <td>
              <Money cost={after.componentMonthlyCost} />
            </td>
          </tr>
          <tr className="compare__total">
            <th scope="row" title={`${preview.appName}, all components`}>
              Whole app per month
            </th>
            <td data-testid="scale-cost-before">
              <Money amount={preview.appMonthlyCostBefore} />
            </td>
            <td className="compare__arrow" aria-hidden="true">
              →
            </td>
            <td data-testid="scale-cost-after">
              <Money amount={preview.appMonthlyCostAfter} />{' '}
              <span
                className={`cost-delta cost-delta--${costDeltaTone(preview.appMonthlyCostBefore, preview.appMonthlyCostAfter)}`}
              >
                {delta}
              </span>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="compare__source">
        App totals as priced by DigitalOcean for the proposed spec
        {ceiling !== undefined
          ? `, which counts autoscaling at its minimum: at ${after.autoscaling?.max ?? ''} instances the app would cost up to ${formatUsd(ceiling)}/mo.`
          : '.'}
      </p>
      {preview.warnings.length > 0 ? (
        <ul className="warnings" data-testid="scale-warnings">
          {preview.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ErrorLine({ error }: { error: FleetError }) {
  const words = describeError(error);
  return (
    <div className="action-error action-error--inline" role="alert" data-code={error.code}>
      <span className="action-error__icon" aria-hidden="true">
        !
      </span>
      <div className="action-error__text">
        {words.title}
        {words.detail ? <span className="action-error__detail"> {words.detail}</span> : null}
      </div>
    </div>
  );
}

function Row({ label, before, after, mono }: { label: string; before: string; after: string; mono?: boolean }) {
  const changed = before !== after;
  return (
    <tr className={changed ? 'is-changed' : undefined}>
      <th scope="row">{label}</th>
      <td className={mono ? 'slug' : undefined}>{before}</td>
      <td className="compare__arrow" aria-hidden="true">
        →
      </td>
      <td className={mono ? 'slug' : undefined}>{after}</td>
    </tr>
  );
}

function NumberField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  testId: string;
}) {
  return (
    <label className="number-field">
      <span className="visually-hidden">{label}</span>
      <input
        className="input input--number"
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={Number.isFinite(value) ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? NaN : Number(e.target.value))}
        data-testid={testId}
      />
    </label>
  );
}
