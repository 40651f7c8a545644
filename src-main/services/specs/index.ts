// PLACEHOLDER — the specs service is being built; every method reports that it is not ready.
import type {
  ApplyPreview,
  DeploymentProgress,
  DraftSummary,
  SpecDocument,
  SpecDraft,
  SpecsMethods,
  SpecValidation,
  TenantTemplatePreview,
  TenantTemplateRequest,
} from '../../../src-preload/contract';
import { ApiError } from '../../clients/http/apiError';

const notReady = (): never => {
  throw new ApiError({ code: 'internal', message: 'The spec editor is not ready yet.' });
};

export class SpecsService {
  async getSpec(_appId: string): Promise<SpecDocument> { return notReady(); }
  async openDraft(_appId: string): Promise<SpecDraft> { return notReady(); }
  async saveDraft(_appId: string, _yaml: string): Promise<{ savedAt: string }> { return notReady(); }
  async discardDraft(_appId: string): Promise<null> { return notReady(); }
  async listDrafts(): Promise<DraftSummary[]> { return notReady(); }
  async importDraft(_appId: string, _yaml: string): Promise<SpecDraft> { return notReady(); }
  async setDraftSecret(_request: SpecsMethods['setDraftSecret']['request']): Promise<SpecDraft> { return notReady(); }
  async validateDraft(_appId: string, _yaml: string): Promise<SpecValidation> { return notReady(); }
  async previewApply(_appId: string, _yaml: string): Promise<ApplyPreview> { return notReady(); }
  async applyDraft(_appId: string, _yaml: string, _baseVersion: string): Promise<DeploymentProgress> { return notReady(); }
  async getSpecHints(): Promise<SpecsMethods['getSpecHints']['response']> { return notReady(); }
  async previewTenantFromTemplate(_request: TenantTemplateRequest): Promise<TenantTemplatePreview> { return notReady(); }
  async createTenantApp(_yaml: string): Promise<SpecsMethods['createTenantApp']['response']> { return notReady(); }
}
