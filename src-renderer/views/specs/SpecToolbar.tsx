// The editor's actions: import an app.yaml, export the live spec or the draft, discard the draft,
// validate and review. Import and discard confirm first when the draft holds changes.
import { useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/Dialog';

interface SpecToolbarProps {
  appName: string;
  /** The draft differs from the spec it started from. */
  changed: boolean;
  validating: boolean;
  reviewing: boolean;
  onImport: (fileName: string, text: string) => void;
  onExport: (which: 'live' | 'draft') => void;
  onDiscard: () => void;
  onValidate: () => void;
  onReview: () => void;
}

export function SpecToolbar(props: SpecToolbarProps) {
  const { appName, changed, validating, reviewing, onImport, onExport, onDiscard, onValidate, onReview } = props;
  const fileInput = useRef<HTMLInputElement>(null);
  const [importing, setImporting] = useState<{ name: string; text: string }>();
  const [discarding, setDiscarding] = useState(false);
  const [readError, setReadError] = useState<string>();

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setReadError(undefined);
    try {
      const text = await file.text();
      if (changed) setImporting({ name: file.name, text });
      else onImport(file.name, text);
    } catch {
      setReadError(`${file.name} could not be read. Nothing was imported.`);
    }
  };

  return (
    <div className="spec-toolbar" role="toolbar" aria-label="Spec actions">
      <input
        ref={fileInput}
        type="file"
        accept=".yaml,.yml,application/yaml,application/x-yaml,text/yaml"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-input"
        onChange={(e) => {
          void pick(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <button type="button" className="button" onClick={() => fileInput.current?.click()} data-testid="import-button">
        Import app.yaml…
      </button>
      <button type="button" className="button" onClick={() => onExport('draft')} data-testid="export-draft">
        Export draft
      </button>
      <button type="button" className="button" onClick={() => onExport('live')} data-testid="export-live">
        Export live
      </button>
      <button
        type="button"
        className="button button--danger-quiet"
        onClick={() => setDiscarding(true)}
        disabled={!changed}
        data-testid="discard-button"
      >
        Discard draft
      </button>
      <span className="spec-toolbar__spacer" />
      <button type="button" className="button" onClick={onValidate} disabled={validating} data-testid="validate-button">
        {validating ? 'Validating…' : 'Validate'}
      </button>
      <button
        type="button"
        className="button button--primary"
        onClick={onReview}
        disabled={reviewing}
        data-testid="review-button"
      >
        {reviewing ? 'Preparing review…' : 'Review & apply…'}
      </button>
      {readError ? (
        <p className="field-error spec-toolbar__error" role="alert">
          {readError}
        </p>
      ) : null}

      {importing ? (
        <ConfirmDialog
          title={`Replace your draft with ${importing.name}?`}
          subtitle={appName}
          confirmLabel="Replace draft"
          tone="danger"
          onConfirm={() => {
            onImport(importing.name, importing.text);
            setImporting(undefined);
          }}
          onClose={() => setImporting(undefined)}
        >
          <p className="dialog__lead">
            Your draft has changes that are not applied. Importing replaces them with the file’s spec. Export the draft
            first if you want to keep a copy.
          </p>
        </ConfirmDialog>
      ) : null}
      {discarding ? (
        <ConfirmDialog
          title="Discard this draft?"
          subtitle={appName}
          confirmLabel="Discard draft"
          tone="danger"
          testId="discard-dialog"
          onConfirm={() => {
            setDiscarding(false);
            onDiscard();
          }}
          onClose={() => setDiscarding(false)}
        >
          <p className="dialog__lead">
            Your changes and any new secret values are thrown away. The live app is not touched; the editor starts again
            from its live spec.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
