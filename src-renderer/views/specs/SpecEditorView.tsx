// One app's spec as YAML in a real editor: the draft restored or started from the live spec, saved as
// the user types, checked locally and by the API, reviewed as a diff with its cost, applied, and the
// deployment followed with the same panel as the app's page.
import type { EditorView } from '@codemirror/view';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SpecProblem } from '../../../src-preload/contract';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { RelativeTime } from '../../components/RelativeTime';
import { secretAt } from '../../specSchema/secrets';
import { EMPTY_DETAIL_ENTRY, useAppDetailStore } from '../../stores/appDetailStore';
import { useFleetStore } from '../../stores/fleetStore';
import { hrefFor } from '../../stores/navigationStore';
import { EMPTY_SPEC_EDITOR, useSpecEditorStore } from '../../stores/specEditorStore';
import { useSpecHintsStore } from '../../stores/specHintsStore';
import { DeploymentProgressPanel } from '../actions/DeploymentProgressPanel';
import { useActionGate } from '../actions/useActionGate';
import { CodeEditor } from './editor/CodeEditor';
import { specEditorExtensions } from './editor/extensions';
import { setApiProblems } from './editor/lintSource';
import { ReviewDialog } from './ReviewDialog';
import { SecretDialog, type SecretTarget } from './SecretDialog';
import { SpecSidePanel } from './SpecSidePanel';
import { SaveLine, ValidationLine } from './SpecStatus';
import { SpecToolbar } from './SpecToolbar';
import { StaleDialog } from './StaleDialog';
import './specs.css';

/** Validate's problems beyond YAML syntax (which the editor finds itself, as the user types). */
const checkedProblems = (problems: SpecProblem[]) => problems.filter((p) => p.source !== 'yaml');

export function SpecEditorView({ appId }: { appId: string }) {
  const entry = useSpecEditorStore((s) => s.editors[appId] ?? EMPTY_SPEC_EDITOR);
  const hints = useSpecHintsStore((s) => s.hints);
  const hintsError = useSpecHintsStore((s) => s.hintsError);
  const store = useSpecEditorStore.getState;
  const detail = useAppDetailStore((s) => s.byId[appId] ?? EMPTY_DETAIL_ENTRY).detail;
  const fleetApp = useFleetStore((s) => s.snapshot?.apps.find((a) => a.id === appId));
  const gate = useActionGate(detail?.app);
  const view = useRef<EditorView>(undefined);
  const [secretTarget, setSecretTarget] = useState<SecretTarget>();
  const appName = entry.draft?.appName ?? detail?.app.name ?? fleetApp?.name ?? appId;

  useEffect(() => {
    void store().open(appId);
    void useSpecHintsStore.getState().loadHints();
    void useAppDetailStore.getState().load(appId);
    // Leaving the page writes what is typed now rather than after the debounce.
    return () => void store().saveNow(appId);
  }, [appId, store]);

  // Quitting or reloading sends what is typed now, and waits while it is not yet on disk.
  useEffect(() => useSpecEditorStore.getState().startUnloadGuard(), []);

  // Ctrl/Cmd+S anywhere on the page (the editor's own keymap handles it while it has focus).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.key.toLowerCase() !== 's' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      void store().saveNow(appId);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [appId, store]);

  const extensions = useMemo(
    () =>
      specEditorExtensions({
        live: () => useSpecHintsStore.getState().hints,
        onSave: () => void useSpecEditorStore.getState().saveNow(appId),
        onChangeSecret: (text, pos) => {
          const secret = secretAt(text, pos);
          if (secret) setSecretTarget({ component: secret.component, key: secret.key });
        },
      }),
    [appId],
  );

  // The API's problems go into the editor when they belong to the text it shows.
  const { validation, validatedText } = entry;
  useEffect(() => {
    const editor = view.current;
    if (!editor || !validation || validatedText !== editor.state.doc.toString()) return;
    editor.dispatch({ effects: setApiProblems.of(checkedProblems(validation.problems)) });
  }, [validation, validatedText]);

  const goTo = useCallback((line: number, column?: number) => {
    const editor = view.current;
    if (!editor) return;
    const target = editor.state.doc.line(Math.min(Math.max(line, 1), editor.state.doc.lines));
    const pos = Math.min(target.from + Math.max((column ?? 1) - 1, 0), target.to);
    editor.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    editor.focus();
  }, []);

  const onEdit = useCallback((text: string) => store().edit(appId, text), [appId, store]);
  const onView = useCallback((v: EditorView | undefined) => {
    view.current = v;
  }, []);

  const { draft, text } = entry;
  const ready = draft && text !== undefined;
  const apiProblems = checkedProblems(validation?.problems ?? []);
  const reviewOpen = entry.reviewedText !== undefined && !entry.stale;

  return (
    <main className="view view--spec" data-testid="spec-editor" data-app-id={appId} aria-busy={entry.loading}>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <a href={hrefFor({ name: 'overview' })} className="back-link">
          <span aria-hidden="true">←</span> Fleet
        </a>
        <span className="breadcrumb__sep" aria-hidden="true">
          /
        </span>
        <a href={hrefFor({ name: 'app', appId })}>{appName}</a>
        <span className="breadcrumb__sep" aria-hidden="true">
          /
        </span>
        <span aria-current="page">Spec</span>
      </nav>

      <header className="spec-header">
        <div>
          <h1 className="spec-header__title">{appName} — app spec</h1>
          {draft ? (
            <p className="muted spec-header__sub" data-testid="draft-origin">
              {draft.origin === 'import' ? 'Imported draft' : 'Draft'} started from the live spec{' '}
              <RelativeTime iso={draft.createdAt} /> · <a href={hrefFor({ name: 'specs' })}>All open drafts</a>
            </p>
          ) : null}
        </div>
      </header>

      {/* Outside the editor's loading state: a reload after apply must not stop following the deployment. */}
      {detail ? <DeploymentProgressPanel app={detail.app} /> : null}

      {!ready && entry.loadError ? (
        <ErrorState
          title="Couldn’t open this app’s spec"
          error={entry.loadError}
          onRetry={() => void store().open(appId)}
          retrying={entry.loading}
        />
      ) : !ready ? (
        <LoadingState label="Opening the spec…" rows={8} columns={1} />
      ) : (
        <>
          <SpecToolbar
            appName={appName}
            changed={text !== draft.baseYaml || draft.pendingSecrets.length > 0 || !!draft.secretsToReenter?.length}
            validating={entry.validating}
            reviewing={entry.reviewing}
            onImport={(name, yaml) => void store().importFile(appId, name, yaml)}
            onExport={(which) => void store().exportSpec(appId, which)}
            onDiscard={() =>
              void store()
                .discard(appId)
                .then((discarded) => (discarded ? store().open(appId) : undefined))
            }
            onValidate={() => void store().validate(appId)}
            onReview={() => void store().review(appId)}
          />
          <div className="spec-status">
            <SaveLine
              entry={entry}
              onRetry={() => void store().saveNow(appId)}
              onKeepAsNew={() => void store().keepAsNewDraft(appId)}
            />
            <ValidationLine entry={entry} />
            {entry.notice ? (
              <div
                className={entry.notice.failed ? 'spec-notice spec-notice--failed' : 'spec-notice'}
                role={entry.notice.failed ? 'alert' : 'status'}
                data-testid="spec-notice"
              >
                {entry.notice.text}
              </div>
            ) : null}
            {hintsError ? (
              <div className="muted spec-notice">
                The live size and region lists are unavailable; hints use the App Spec’s own lists.
              </div>
            ) : null}
          </div>

          <div className="spec-layout">
            <CodeEditor
              key={appId}
              value={text}
              extensions={extensions}
              onChange={onEdit}
              onView={onView}
              label={`${appName} app spec (YAML)`}
              testId="spec-code"
              className="spec-layout__editor"
            />
            <SpecSidePanel
              key={appId}
              text={text}
              draft={draft}
              hints={hints}
              apiProblems={apiProblems}
              validatedText={validatedText}
              onGoTo={goTo}
              onChangeSecret={(s) => setSecretTarget({ component: s.component, key: s.key })}
            />
          </div>
        </>
      )}

      {reviewOpen ? (
        <ReviewDialog
          appName={appName}
          entry={entry}
          blocked={gate.reason('scale')}
          onApply={() => void store().apply(appId)}
          onRetry={() => void store().review(appId)}
          onClose={() => store().closeReview(appId)}
        />
      ) : null}
      {entry.stale ? (
        <StaleDialog
          appName={appName}
          entry={entry}
          stale={entry.stale}
          onRebase={() => void store().rebase(appId)}
          onCopy={() => void store().copyDraft(appId)}
          onExport={() => void store().exportSpec(appId, 'draft')}
          onClose={() => {
            store().closeStale(appId);
            store().closeReview(appId);
          }}
        />
      ) : null}
      {secretTarget ? (
        <SecretDialog appId={appId} target={secretTarget} onClose={() => setSecretTarget(undefined)} />
      ) : null}
    </main>
  );
}
