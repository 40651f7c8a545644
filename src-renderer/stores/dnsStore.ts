// The DNS view's data and actions: the tenant ↔ DNS check, the account's zones and their records,
// live checks per hostname, and the confirmations (fix, delete) and record editor in flight. A
// failed save keeps the draft; every change re-runs the check so the report never goes stale.
import { create } from 'zustand';
import type {
  AppDomainPhase,
  DnsCheckReport,
  DnsDomain,
  DnsFix,
  DnsRecord,
  FleetError,
  LiveProbe,
} from '../../src-preload/contract';
import { callFleet } from '../fleetApi';
import { draftToRecord, EMPTY_DRAFT, hostnameFrom, recordToDraft, type RecordDraft } from './dnsRecordDraft';

export { draftToRecord, hostnameFrom, recordToDraft, type RecordDraft } from './dnsRecordDraft';
import { useNoticesStore } from './noticesStore';
import { readFleet, resetWithContext } from './contextScope';
import { useNavigationStore } from './navigationStore';

export interface Loadable<T> {
  value?: T;
  loading: boolean;
  error?: FleetError;
}

/** The record editor's fields, as typed (numbers stay text until saved). */

export interface RecordEditor {
  domain: string;
  /** Set when editing an existing record. */
  id?: number;
  draft: RecordDraft;
  saving: boolean;
  error?: FleetError;
}

interface Confirmation<T> {
  target: T;
  busy: boolean;
  error?: FleetError;
}

/** The free-form live check: its own result, shown under its input, not in a tracked row. */
export interface LiveCheck {
  /** The input, as typed. */
  typed: string;
  /** The hostname of the result shown. */
  hostname?: string;
  /** What was typed, when it is not a hostname. */
  inputError?: string;
  result?: Loadable<LiveProbe>;
}

interface DnsState {
  report: Loadable<DnsCheckReport>;
  domains: Loadable<DnsDomain[]>;
  selectedDomain?: string;
  records: Record<string, Loadable<DnsRecord[]>>;
  /** Live checks started from a hostname's row in the check. */
  probes: Record<string, Loadable<LiveProbe>>;
  liveCheck: LiveCheck;
  /** Re-checks asked for from a domain's row: App Platform's phase when the check was read again. */
  rechecks: Record<string, Loadable<{ phase?: AppDomainPhase; checkedAt: string }>>;
  /** The record just added or saved: its row is shown and marked. */
  highlight?: { domain: string; id: number };
  fix?: Confirmation<DnsFix>;
  deletion?: Confirmation<{ domain: string; record: DnsRecord }>;
  editor?: RecordEditor;

  load: () => Promise<void>;
  loadReport: () => Promise<void>;
  loadDomains: () => Promise<void>;
  selectDomain: (domain: string) => Promise<void>;
  loadRecords: (domain: string) => Promise<void>;
  askFix: (fix: DnsFix) => void;
  cancelFix: () => void;
  confirmFix: () => Promise<void>;
  openEditor: (domain: string, record?: DnsRecord) => void;
  editDraft: (patch: Partial<RecordDraft>) => void;
  closeEditor: () => void;
  saveEditor: () => Promise<void>;
  askDelete: (domain: string, record: DnsRecord) => void;
  cancelDelete: () => void;
  confirmDelete: () => Promise<void>;
  probe: (hostname: string) => Promise<void>;
  recheck: (hostname: string) => Promise<void>;
  typeLive: (typed: string) => void;
  checkLive: () => Promise<void>;
}

const notify = (title: string, body: string) => useNoticesStore.getState().push({ level: 'success', title, body });

export const useDnsStore = create<DnsState>()((set, get) => ({
  report: { loading: false },
  domains: { loading: false },
  records: {},
  probes: {},
  liveCheck: { typed: '' },
  rechecks: {},

  load: async () => {
    await Promise.all([get().loadReport(), get().loadDomains()]);
  },

  loadReport: async () => {
    set((s) => ({ report: { ...s.report, loading: true } }));
    const result = await readFleet((api) => api.checkDns());
    if (!result) return;
    set((s) => ({
      report: result.ok
        ? { value: result.value, loading: false }
        : { ...s.report, loading: false, error: result.error },
    }));
  },

  loadDomains: async () => {
    set((s) => ({ domains: { ...s.domains, loading: true } }));
    const result = await readFleet((api) => api.listDomains());
    if (!result) return;
    if (!result.ok) {
      set((s) => ({ domains: { ...s.domains, loading: false, error: result.error } }));
      return;
    }
    const selected = get().selectedDomain;
    const keep = selected && result.value.some((d) => d.name === selected) ? selected : result.value[0]?.name;
    set({ domains: { value: result.value, loading: false }, selectedDomain: keep });
    if (keep) await get().loadRecords(keep);
  },

  selectDomain: async (domain) => {
    set({ selectedDomain: domain });
    await get().loadRecords(domain);
  },

  loadRecords: async (domain) => {
    set((s) => ({ records: { ...s.records, [domain]: { ...s.records[domain], loading: true } } }));
    const result = await readFleet((api) => api.listRecords({ domain }));
    if (!result) return;
    set((s) => ({
      records: {
        ...s.records,
        [domain]: result.ok
          ? { value: result.value, loading: false }
          : { ...s.records[domain], loading: false, error: result.error },
      },
    }));
  },

  askFix: (fix) => set({ fix: { target: fix, busy: false } }),
  cancelFix: () => set((s) => (s.fix?.busy ? {} : { fix: undefined })),

  confirmFix: async () => {
    const pending = get().fix;
    if (!pending || pending.busy) return;
    set({ fix: { ...pending, busy: true, error: undefined } });
    const result = await callFleet((api) => api.applyDnsFix(pending.target));
    if (!result.ok) {
      set({ fix: { ...pending, busy: false, error: result.error } });
      return;
    }
    set({ fix: undefined, report: { value: result.value, loading: false } });
    notify('DNS fixed', pending.target.summary);
    await get().loadRecords(pending.target.domain);
  },

  openEditor: (domain, record) =>
    set({
      editor: {
        domain,
        ...(record ? { id: record.id } : {}),
        draft: record ? recordToDraft(record) : EMPTY_DRAFT,
        saving: false,
      },
    }),
  editDraft: (patch) =>
    set((s) => (s.editor ? { editor: { ...s.editor, draft: { ...s.editor.draft, ...patch }, error: undefined } } : {})),
  closeEditor: () => set((s) => (s.editor?.saving ? {} : { editor: undefined })),

  saveEditor: async () => {
    const editor = get().editor;
    if (!editor || editor.saving) return;
    const parsed = draftToRecord(editor.draft);
    if ('error' in parsed) {
      set({ editor: { ...editor, error: parsed.error } });
      return;
    }
    set({ editor: { ...editor, saving: true, error: undefined } });
    const { domain, id } = editor;
    const result = await callFleet((api) =>
      id === undefined
        ? api.createRecord({ domain, record: parsed.record })
        : api.updateRecord({ domain, id, record: parsed.record }),
    );
    if (!result.ok) {
      // The draft stays as typed, with the reason beside it.
      set((s) => (s.editor ? { editor: { ...s.editor, saving: false, error: result.error } } : {}));
      return;
    }
    set({ editor: undefined, highlight: { domain, id: result.value.id } });
    notify(
      id === undefined ? 'Record added' : 'Record saved',
      `${result.value.type} ${result.value.name} → ${result.value.data} in ${domain}`,
    );
    await Promise.all([get().loadRecords(domain), get().loadReport()]);
  },

  askDelete: (domain, record) => set({ deletion: { target: { domain, record }, busy: false } }),
  cancelDelete: () => set((s) => (s.deletion?.busy ? {} : { deletion: undefined })),

  confirmDelete: async () => {
    const pending = get().deletion;
    if (!pending || pending.busy) return;
    set({ deletion: { ...pending, busy: true, error: undefined } });
    const { domain, record } = pending.target;
    const result = await callFleet((api) => api.deleteRecord({ domain, id: record.id }));
    if (!result.ok) {
      set({ deletion: { ...pending, busy: false, error: result.error } });
      return;
    }
    set({ deletion: undefined });
    notify('Record deleted', `${record.type} ${record.name} → ${record.data} from ${domain}`);
    await Promise.all([get().loadRecords(domain), get().loadReport()]);
  },

  probe: async (hostname) => {
    set((s) => ({ probes: { ...s.probes, [hostname]: { ...s.probes[hostname], loading: true, error: undefined } } }));
    const result = await readFleet((api) => api.probeHost({ hostname }));
    if (!result) return;
    set((s) => ({
      probes: {
        ...s.probes,
        [hostname]: result.ok
          ? { value: result.value, loading: false }
          : { ...s.probes[hostname], loading: false, error: result.error },
      },
    }));
  },

  // Only App Platform clears a domain's ERROR phase; reading the check again is how to see it did.
  recheck: async (hostname) => {
    set((s) => ({ rechecks: { ...s.rechecks, [hostname]: { ...s.rechecks[hostname], loading: true } } }));
    await get().loadReport();
    if (!get().rechecks[hostname]?.loading) return; // the context changed: the reset dropped it
    const { value, error } = get().report;
    const phase = value?.apps.flatMap((a) => a.domains).find((d) => d.hostname === hostname)?.phase;
    set((s) => ({
      rechecks: {
        ...s.rechecks,
        [hostname]: error
          ? { ...s.rechecks[hostname], loading: false, error }
          : { loading: false, value: { phase, checkedAt: value?.checkedAt ?? new Date().toISOString() } },
      },
    }));
  },

  typeLive: (typed) => set((s) => ({ liveCheck: { ...s.liveCheck, typed, inputError: undefined } })),

  checkLive: async () => {
    const hostname = hostnameFrom(get().liveCheck.typed);
    if (!hostname) {
      set((s) => ({ liveCheck: { ...s.liveCheck, inputError: 'Enter a hostname such as app.example.com' } }));
      return;
    }
    if (get().liveCheck.result?.loading) return;
    set((s) => ({
      liveCheck: {
        typed: s.liveCheck.typed,
        hostname,
        result: { ...(s.liveCheck.hostname === hostname ? s.liveCheck.result : {}), loading: true, error: undefined },
      },
    }));
    const result = await readFleet((api) => api.probeHost({ hostname }));
    if (!result) return;
    set((s) =>
      s.liveCheck.hostname !== hostname
        ? {}
        : {
            liveCheck: {
              ...s.liveCheck,
              result: result.ok
                ? { value: result.value, loading: false }
                : { ...s.liveCheck.result, loading: false, error: result.error },
            },
          },
    );
  },
}));

// Zones, records, the check and its fix dialog are the old account's: a fix confirmed after the
// switch would act on the new one. The view reloads if it is open.
resetWithContext(useDnsStore, {
  reload: () => {
    if (useNavigationStore.getState().route.name === 'dns') void useDnsStore.getState().load();
  },
});
