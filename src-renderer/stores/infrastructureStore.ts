// The Infrastructure view's data and actions: the inventory (droplets, balancers, clusters), the
// one dialog open at a time with its draft and the API's answer, and the droplet actions the main
// process follows — read every few seconds while one runs (no API call: the service's own
// record), the inventory read again when it ends.
import { create } from 'zustand';
import type { DropletActionProgress, FleetError, InfrastructureInventory, Result } from '../../src-preload/contract';
import { databaseNameProblem } from '../../src-preload/contract/infrastructure';
import { callFleet } from '../fleetApi';
import { readFleet, resetWithContext } from './contextScope';
import { useNavigationStore } from './navigationStore';
import { useNoticesStore } from './noticesStore';

export interface Loadable<T> {
  value?: T;
  loading: boolean;
  error?: FleetError;
}

export type InfraDialog =
  | { kind: 'create-database'; clusterId: string; cluster: string; name: string }
  | { kind: 'delete-database'; clusterId: string; cluster: string; name: string; typed: string }
  | { kind: 'droplet-action'; dropletId: number; droplet: string; action: 'reboot' | 'power_cycle' }
  | { kind: 'resize-droplet'; dropletId: number; droplet: string; size: string }
  | { kind: 'resize-cluster'; clusterId: string; cluster: string; choice: string }
  | { kind: 'pool-size'; clusterId: string; cluster: string; pool: string; size: string };

interface InfrastructureState {
  inventory: Loadable<InfrastructureInventory>;
  dialog?: InfraDialog;
  busy: boolean;
  error?: FleetError;
  actions: DropletActionProgress[];
  load: () => Promise<void>;
  open: (dialog: InfraDialog) => void;
  edit: (patch: Partial<InfraDialog>) => void;
  close: () => void;
  confirm: () => Promise<void>;
  followActions: () => void;
}

const POLL_MS = 2_000;
let polling: ReturnType<typeof setTimeout> | undefined;

const notify = (title: string, body: string) => useNoticesStore.getState().push({ level: 'success', title, body });

/** A local refusal in the shape of the API's, so the dialog shows either the same way. */
const refused = (message: string): Result<never> => ({ ok: false, error: { code: 'invalid_argument', message } });

export const useInfrastructureStore = create<InfrastructureState>()((set, get) => ({
  inventory: { loading: false },
  busy: false,
  actions: [],

  load: async () => {
    set((s) => ({ inventory: { ...s.inventory, loading: true } }));
    const result = await readFleet((api) => api.getInfrastructure());
    if (!result) return;
    set((s) => ({
      inventory: result.ok
        ? { value: result.value, loading: false }
        : { ...s.inventory, loading: false, error: result.error },
    }));
    if (result.ok && result.value.droplets.some((d) => d.action?.state === 'running')) get().followActions();
  },

  open: (dialog) => set({ dialog, error: undefined, busy: false }),
  edit: (patch) => set((s) => (s.dialog ? { dialog: { ...s.dialog, ...patch } as InfraDialog, error: undefined } : {})),
  close: () => set({ dialog: undefined, error: undefined, busy: false }),

  confirm: async () => {
    const dialog = get().dialog;
    if (!dialog || get().busy) return;
    set({ busy: true, error: undefined });
    const outcome = await run(dialog);
    if (!outcome.result.ok) {
      set({ busy: false, error: outcome.result.error });
      return;
    }
    set({ busy: false, dialog: undefined });
    notify(outcome.title, outcome.body);
    if (dialog.kind === 'droplet-action' || dialog.kind === 'resize-droplet') get().followActions();
    await get().load();
  },

  followActions: () => {
    if (polling) return;
    const tick = async () => {
      const result = await callFleet((api) => api.getInfrastructureActions());
      polling = undefined;
      if (!result.ok) return;
      const before = get().actions;
      set({ actions: result.value });
      const running = result.value.some((a) => a.state === 'running');
      const ended = before.some((a) => a.state === 'running' && !running);
      // The droplets' new state is read once the actions end, if the view is still on screen.
      const shown = useNavigationStore.getState().route.name === 'infrastructure';
      if ((ended || !running) && shown) await get().load();
      if (running) polling = setTimeout(() => void tick(), POLL_MS);
    };
    polling = setTimeout(() => void tick(), POLL_MS);
  },
}));

async function run(dialog: InfraDialog): Promise<{ result: Result<unknown>; title: string; body: string }> {
  switch (dialog.kind) {
    case 'create-database': {
      const name = dialog.name.trim();
      const problem = databaseNameProblem(name);
      return {
        result: problem
          ? refused(problem)
          : await callFleet((api) => api.createTenantDatabase({ clusterId: dialog.clusterId, name })),
        title: 'Database created',
        body: `${name} in ${dialog.cluster}.`,
      };
    }
    case 'delete-database':
      return {
        result:
          dialog.typed !== dialog.name
            ? refused(`Type ${dialog.name} to delete it.`)
            : await callFleet((api) =>
                api.deleteTenantDatabase({ clusterId: dialog.clusterId, name: dialog.name, confirmName: dialog.typed }),
              ),
        title: 'Database deleted',
        body: `${dialog.name} in ${dialog.cluster}.`,
      };
    case 'droplet-action':
      return {
        result: await callFleet((api) => api.startDropletAction({ dropletId: dialog.dropletId, kind: dialog.action })),
        title: dialog.action === 'reboot' ? 'Reboot started' : 'Power cycle started',
        body: dialog.droplet,
      };
    case 'resize-droplet':
      return {
        result: dialog.size
          ? await callFleet((api) => api.resizeDroplet({ dropletId: dialog.dropletId, size: dialog.size }))
          : refused('Pick a size.'),
        title: 'Resize started',
        body: `${dialog.droplet} to ${dialog.size}: powered off, resized, powered on.`,
      };
    case 'resize-cluster': {
      const [size, nodes] = dialog.choice.split('|');
      return {
        result:
          size && nodes
            ? await callFleet((api) =>
                api.resizeDatabaseCluster({ clusterId: dialog.clusterId, size, nodes: Number(nodes) }),
              )
            : refused('Pick a size.'),
        title: 'Cluster resize started',
        body: `${dialog.cluster} to ${size} × ${nodes}.`,
      };
    }
    case 'pool-size': {
      const size = Number(dialog.size);
      return {
        result:
          Number.isInteger(size) && size >= 1
            ? await callFleet((api) => api.setPoolSize({ clusterId: dialog.clusterId, pool: dialog.pool, size }))
            : refused('A pool size is a whole number of connections, at least 1.'),
        title: 'Pool resized',
        body: `${dialog.pool} in ${dialog.cluster}: ${size} connections.`,
      };
    }
  }
}

// Everything here is the old account's; the view reads the new one's if it is on screen.
resetWithContext(useInfrastructureStore, {
  reload: () => {
    if (useNavigationStore.getState().route.name === 'infrastructure') void useInfrastructureStore.getState().load();
  },
});
