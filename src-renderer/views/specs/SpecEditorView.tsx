// PLACEHOLDER — the spec editor is being built.
import { EmptyState } from '../../components/EmptyState';

export function SpecEditorView({ appId }: { appId: string }) {
  return <EmptyState title="Spec editor">Coming soon for {appId}.</EmptyState>;
}
