// Rebasing a stale draft onto the live spec, only when it is plainly safe: the draft's changes and
// the live changes touch lines far enough apart that each applies to the other with its context
// intact, both orders give the same text, and the result is still YAML. Anything else is a conflict
// the user resolves by hand (the three-way view shows both sides).
import { applyPatch, structuredPatch } from 'diff';
import { parseDocument } from 'yaml';

export type RebaseResult = { ok: true; yaml: string } | { ok: false; reason: string };

const patchOf = (from: string, to: string) => structuredPatch('spec', 'spec', from, to, '', '', { context: 3 });

export function rebaseDraft(base: string, draft: string, live: string): RebaseResult {
  if (draft === base) return { ok: true, yaml: live };
  if (live === base) return { ok: true, yaml: draft };
  const draftOnLive = applyPatch(live, patchOf(base, draft), { fuzzFactor: 0 });
  const liveOnDraft = applyPatch(draft, patchOf(base, live), { fuzzFactor: 0 });
  if (draftOnLive === false || liveOnDraft === false || draftOnLive !== liveOnDraft) {
    return { ok: false, reason: 'Your changes and the live changes touch the same part of the spec.' };
  }
  if (parseDocument(draftOnLive).errors.length > 0) {
    return { ok: false, reason: 'Putting both changes together does not give valid YAML.' };
  }
  return { ok: true, yaml: draftOnLive };
}
