// The specs domain: the spec editor's drafts, validation and apply, and new tenants from a template.
export { SpecsService, type SpecsDeps } from './specsService';
