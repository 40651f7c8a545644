// Schema drift across tenants, and applying a missing migration. The apply flow has three steps
// the founder walks in order: choose (where the SQL comes from, which tenants in which order),
// review (the SQL exactly as main will run it, read back through reviewMigration), and the run.
// `apply` refuses unless the review screen is showing an answer for the very request it sends, so
// nothing reaches a database that was not on screen first.
import { create } from 'zustand';
import type {
  ActivityEntry,
  FleetError,
  MigrationReview,
  MigrationRun,
  MigrationSource,
  SchemaDrift,
} from '../../src-preload/contract';
import { callFleet } from '../fleetApi';
import { readFleet, resetWithContext } from './contextScope';
import { useNavigationStore } from './navigationStore';

export interface Loadable<T> {
  value?: T;
  loading: boolean;
  error?: FleetError;
}

export interface ApplyTarget {
  appId: string;
  name: string;
  chosen: boolean;
}

/** A .sql file as read from disk: its SQL, or why it could not be used. */
export interface PickedFile {
  fileName: string;
  sql?: string;
  error?: string;
}

/** One of several .sql files: the migration it is, named from its file name. */
export interface PickedMigration extends PickedFile {
  name: string;
}

/** Several files (a folder such as supabase/migrations), in the order they will run. */
export interface PickedSet {
  files: PickedMigration[];
  /** Files of a picked folder that are not .sql, left out. */
  ignored: number;
  /** Why the set as a whole cannot be used (none are .sql, too many). */
  error?: string;
}

export interface ApplyFlow {
  /** The grid row it started from (a migration's name as listed); absent for a file of one's own. */
  migration?: string;
  step: 'choose' | 'review' | 'running' | 'done';
  source: 'tenant' | 'file';
  /** The tenant to copy from when source is 'tenant'. */
  fromAppId?: string;
  file?: PickedFile;
  /** Several files picked at once, or a folder: each one migration. */
  files?: PickedSet;
  reading: boolean;
  /** The migration's name when it comes from a file; starts as the file's name. */
  fileName: string;
  /** In the order they will be applied; unchosen ones stay listed. */
  targets: ApplyTarget[];
  /** The answer the review screen shows, and the request it answered. */
  review?: Loadable<MigrationReview> & { request: MigrationSource };
  /** While the run is under way: each target's state as the Activity log has it so far. */
  progress?: Record<string, LiveStep>;
  run?: MigrationRun;
  runError?: FleetError;
}

export type LiveStep = 'applying' | 'applied' | 'failed';

interface SchemaDriftState {
  drift: Loadable<SchemaDrift>;
  flow?: ApplyFlow;
  load: () => Promise<void>;
  /** Opens "Apply to tenants…" for a migration of the grid (or for a file, with none). */
  openApply: (migration?: string) => void;
  chooseSource: (source: 'tenant' | 'file', fromAppId?: string) => void;
  pickFile: (file: File) => Promise<void>;
  /** Several files or a folder's: one is read as pickFile does; more become one migration each. */
  pickFiles: (files: readonly File[]) => Promise<void>;
  setFileName: (name: string) => void;
  toggleTarget: (appId: string) => void;
  moveTarget: (appId: string, by: -1 | 1) => void;
  /** To the review screen: asks main for the SQL exactly as it would run. */
  toReview: () => Promise<void>;
  back: () => void;
  apply: () => Promise<void>;
  close: () => void;
}

/** "20261118093000_report_schedules.sql" → "report_schedules", as the Supabase CLI names files. */
export function migrationNameFromFile(fileName: string): string {
  const base = fileName.replace(/\.sql$/i, '');
  return base.replace(/^\d{8,}_/, '') || base;
}

/** What main is asked to review and then to apply; undefined until the choice is complete. */
export function sourceRequest(flow: ApplyFlow): MigrationSource | undefined {
  if (flow.source === 'tenant') {
    // Names are the key across tenants (versions differ per project); main accepts either.
    return flow.fromAppId && flow.migration ? { fromAppId: flow.fromAppId, version: flow.migration } : undefined;
  }
  if (flow.files) {
    const { files, error } = flow.files;
    if (error || files.length === 0 || files.some((f) => f.error || f.sql === undefined)) return undefined;
    return { files: files.map((f) => ({ name: f.name, sql: f.sql! })) };
  }
  const name = flow.fileName.trim();
  return flow.file?.sql !== undefined && name ? { name, sql: flow.file.sql } : undefined;
}

/** As the bridge checks them: a name Postgres tooling accepts, SQL up to 512 KiB, at most 200 files. */
const MIGRATION_NAME = /^[A-Za-z0-9_][A-Za-z0-9_ .-]{0,99}$/;
const MAX_SQL_BYTES = 512 * 1024;
export const MAX_MIGRATION_FILES = 200;

/**
 * The picked files as migrations: only .sql files, in file-name order (the Supabase CLI's
 * <version>_<name>.sql sort by their version), each named from its file name, each with what is
 * wrong with it. Reading is left to `read`, so this stays testable without a disk.
 */
export async function pickedSet(
  files: readonly Pick<File, 'name' | 'size'>[],
  read: (index: number) => Promise<string>,
): Promise<PickedSet> {
  const indexed = files.map((file, index) => ({ file, index }));
  const sql = indexed.filter(({ file }) => /\.sql$/i.test(file.name));
  const ignored = files.length - sql.length;
  if (sql.length === 0) return { files: [], ignored, error: 'None of the picked files is a .sql file.' };
  if (sql.length > MAX_MIGRATION_FILES)
    return { files: [], ignored, error: `${sql.length} .sql files: at most ${MAX_MIGRATION_FILES} at once.` };
  sql.sort((a, b) => (a.file.name < b.file.name ? -1 : a.file.name > b.file.name ? 1 : 0));
  const named = new Map<string, number>();
  for (const { file } of sql) {
    const name = migrationNameFromFile(file.name);
    named.set(name, (named.get(name) ?? 0) + 1);
  }
  const picked = await Promise.all(
    sql.map(async ({ file, index }): Promise<PickedMigration> => {
      const name = migrationNameFromFile(file.name);
      const base = { fileName: file.name, name };
      if (!MIGRATION_NAME.test(name))
        return { ...base, error: 'Its name has characters a migration name cannot (letters, digits, _ - . only).' };
      if ((named.get(name) ?? 0) > 1) return { ...base, error: `Another file is also named ${name}.` };
      if (file.size > MAX_SQL_BYTES) return { ...base, error: 'Over 512 KiB: too large for one migration.' };
      try {
        const text = await read(index);
        return text.trim() ? { ...base, sql: text } : { ...base, error: 'Empty: there is no SQL in it.' };
      } catch (error) {
        return { ...base, error: error instanceof Error ? error.message : 'It could not be read.' };
      }
    }),
  );
  return { files: picked, ignored };
}

export const chosenTargets = (flow: ApplyFlow): ApplyTarget[] => flow.targets.filter((t) => t.chosen);

/** How often the Activity log is read while a run is under way. */
const PROGRESS_POLL_MS = 700;
/** Main stamps the log with its own clock; an entry a moment older than the click still counts. */
const CLOCK_SLACK_MS = 5_000;

/**
 * The run's steps so far, from the Activity log: main writes each tenant's step there as it starts
 * and ends, and applyMigration itself answers only once every tenant is done.
 */
export function liveSteps(
  entries: readonly ActivityEntry[],
  migration: string | readonly string[],
  appIds: readonly string[],
  sinceMs: number,
): Record<string, LiveStep> {
  const names = typeof migration === 'string' ? [migration] : migration;
  const ours = entries.filter(
    (e) =>
      e.action === 'apply_migration' &&
      names.includes(String(e.parameters.migration)) &&
      !!e.appId &&
      appIds.includes(e.appId) &&
      Date.parse(e.startedAt) >= sinceMs - CLOCK_SLACK_MS,
  );
  // A tenant is applied once each of its migrations has an entry that succeeded, failed at any failure.
  const byTenant = new Map<string, ActivityEntry[]>();
  for (const e of ours) byTenant.set(e.appId!, [...(byTenant.get(e.appId!) ?? []), e]);
  const steps: Record<string, LiveStep> = {};
  for (const [appId, list] of byTenant) {
    const done = new Set(list.filter((e) => e.result === 'succeeded').map((e) => String(e.parameters.migration)));
    steps[appId] = list.some((e) => e.result === 'failed')
      ? 'failed'
      : names.every((n) => done.has(n))
        ? 'applied'
        : 'applying';
  }
  return steps;
}

let driftSeq = 0;
let reviewSeq = 0;
let pickSeq = 0;

export const useSchemaDriftStore = create<SchemaDriftState>()((set, get) => {
  const patchFlow = (patch: Partial<ApplyFlow>) => set((s) => (s.flow ? { flow: { ...s.flow, ...patch } } : s));
  /** Any change to the choice makes an earlier review stale: it is dropped, not reused. */
  const changeChoice = (patch: Partial<ApplyFlow>) => {
    reviewSeq++;
    set((s) => (s.flow && s.flow.step === 'choose' ? { flow: { ...s.flow, ...patch, review: undefined } } : s));
  };

  return {
    drift: { loading: false },

    load: async () => {
      const seq = ++driftSeq;
      set((s) => ({ drift: { ...s.drift, loading: true } }));
      const result = await readFleet((api) => api.getSchemaDrift());
      if (!result || seq !== driftSeq) return;
      set((s) => ({
        drift: result.ok
          ? { value: result.value, loading: false }
          : { ...s.drift, loading: false, error: result.error },
      }));
    },

    openApply: (migration) => {
      const drift = get().drift.value;
      if (!drift) return;
      const listed = drift.migrations.find((m) => (m.name ?? m.version) === migration);
      // Targets default to the tenants missing it, in the grid's order; a file of one's own starts
      // with every readable tenant offered and none chosen.
      const targets = drift.tenants
        .filter((t) => !t.problem && (migration ? t.missing.includes(migration) : true))
        .map((t) => ({ appId: t.appId, name: t.name, chosen: !!migration }));
      const fromAppId = listed?.appliedOn[0];
      reviewSeq++;
      set({
        flow: {
          ...(migration ? { migration } : {}),
          step: 'choose',
          source: fromAppId ? 'tenant' : 'file',
          ...(fromAppId ? { fromAppId } : {}),
          reading: false,
          fileName: '',
          targets,
        },
      });
    },

    chooseSource: (source, fromAppId) =>
      changeChoice(source === 'tenant' && fromAppId ? { source, fromAppId } : { source }),

    pickFile: async (file) => {
      pickSeq++;
      changeChoice({ source: 'file', reading: true, file: { fileName: file.name }, files: undefined });
      let picked: PickedFile;
      try {
        const sql = await file.text();
        picked = sql.trim()
          ? { fileName: file.name, sql }
          : { fileName: file.name, error: 'The file is empty: there is no SQL to apply.' };
      } catch (error) {
        picked = { fileName: file.name, error: error instanceof Error ? error.message : 'The file could not be read.' };
      }
      // Another file picked meanwhile, or the dialog closed: this read is no longer wanted.
      if (get().flow?.file?.fileName !== file.name) return;
      changeChoice({ reading: false, file: picked, fileName: migrationNameFromFile(file.name) });
    },

    pickFiles: async (files) => {
      const sqlFiles = files.filter((f) => /\.sql$/i.test(f.name));
      // One .sql file (alone or in a folder) is the single-file flow, its name editable.
      if (sqlFiles.length === 1 && files.length === 1) return get().pickFile(sqlFiles[0]!);
      const seq = ++pickSeq;
      changeChoice({ source: 'file', reading: true, file: undefined, files: undefined, fileName: '' });
      const set = await pickedSet(files, (i) => files[i]!.text());
      // Another pick meanwhile, or the dialog closed: this read is no longer wanted.
      if (seq !== pickSeq || !get().flow) return;
      changeChoice({ reading: false, files: set });
    },

    setFileName: (name) => changeChoice({ fileName: name }),

    toggleTarget: (appId) => {
      const flow = get().flow;
      if (!flow) return;
      changeChoice({ targets: flow.targets.map((t) => (t.appId === appId ? { ...t, chosen: !t.chosen } : t)) });
    },

    moveTarget: (appId, by) => {
      const flow = get().flow;
      if (!flow) return;
      const from = flow.targets.findIndex((t) => t.appId === appId);
      const to = from + by;
      if (from < 0 || to < 0 || to >= flow.targets.length) return;
      const targets = [...flow.targets];
      [targets[from], targets[to]] = [targets[to]!, targets[from]!];
      changeChoice({ targets });
    },

    toReview: async () => {
      const flow = get().flow;
      const request = flow && sourceRequest(flow);
      if (!flow || flow.step !== 'choose' || !request || chosenTargets(flow).length === 0) return;
      const seq = ++reviewSeq;
      patchFlow({ step: 'review', review: { request, loading: true } });
      const result = await callFleet((api) => api.reviewMigration(request));
      if (seq !== reviewSeq || get().flow?.step !== 'review') return;
      patchFlow({
        review: result.ok
          ? { request, value: result.value, loading: false }
          : { request, loading: false, error: result.error },
      });
    },

    back: () => {
      reviewSeq++;
      const flow = get().flow;
      if (flow?.step === 'review') patchFlow({ step: 'choose', review: undefined });
    },

    apply: async () => {
      const flow = get().flow;
      const review = flow?.review;
      if (!flow || flow.step !== 'review' || !review?.value) return;
      const appIds = chosenTargets(flow).map((t) => t.appId);
      if (appIds.length === 0) return;
      patchFlow({ step: 'running', progress: {} });
      const sinceMs = Date.now();
      let running = true;
      const watch = async () => {
        while (running) {
          await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
          const read = await callFleet((api) => api.listActivity({ action: 'apply_migration', limit: 50 }));
          if (!running || get().flow?.step !== 'running') return;
          const names = review.value!.migrations?.map((m) => m.name) ?? review.value!.name;
          if (read.ok) patchFlow({ progress: liveSteps(read.value, names, appIds, sinceMs) });
        }
      };
      void watch();
      const result = await callFleet((api) => api.applyMigration({ source: review.request, appIds }));
      running = false;
      patchFlow(result.ok ? { step: 'done', run: result.value } : { step: 'done', runError: result.error });
      // Whatever happened, the grid must show what the databases have now.
      void get().load();
    },

    close: () => {
      if (get().flow?.step === 'running') return;
      reviewSeq++;
      set({ flow: undefined });
    },
  };
});

resetWithContext(useSchemaDriftStore, {
  reload: () => {
    if (useNavigationStore.getState().route.name === 'schema') void useSchemaDriftStore.getState().load();
  },
});
