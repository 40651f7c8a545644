// The specs domain's side of the contract: which service answers each method.
import type { SpecsMethods } from '../../../src-preload/contract';
import type { SpecsService } from '../../services/specs';
import type { DomainMethodHandlers } from '../dispatcher';

export function specsMethodHandlers(specs: () => SpecsService): DomainMethodHandlers<SpecsMethods> {
  return {
    getSpec: ({ appId }) => specs().getSpec(appId),
    openDraft: ({ appId }) => specs().openDraft(appId),
    saveDraft: ({ appId, yaml }) => specs().saveDraft(appId, yaml),
    discardDraft: ({ appId }) => specs().discardDraft(appId),
    listDrafts: () => specs().listDrafts(),
    importDraft: ({ appId, yaml }) => specs().importDraft(appId, yaml),
    setDraftSecret: (request) => specs().setDraftSecret(request),
    validateDraft: ({ appId, yaml }) => specs().validateDraft(appId, yaml),
    previewApply: ({ appId, yaml }) => specs().previewApply(appId, yaml),
    applyDraft: ({ appId, yaml, baseVersion }) => specs().applyDraft(appId, yaml, baseVersion),
    rebaseDraft: ({ appId, yaml, liveVersion }) => specs().rebaseDraft(appId, yaml, liveVersion),
    getSpecHints: () => specs().getSpecHints(),
    previewTenantFromTemplate: (request) => specs().previewTenantFromTemplate(request),
    createTenantApp: ({ yaml, templateAppId }) => specs().createTenantApp(yaml, templateAppId),
  };
}
