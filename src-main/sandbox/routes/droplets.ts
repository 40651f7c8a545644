// Droplets, their actions and the size list, in the shapes of the official spec. An action is
// `in-progress` when started and `completed` once its time on the sandbox clock has passed; a
// droplet takes one action at a time. A resize changes CPU and memory only (disk: false), needs
// the droplet powered off, and is refused for a size its region does not offer — each refusal
// a 422 in the words DigitalOcean's API answers with.
import { doError, json, notFound, paginate, type Router, type SandboxRequest } from '../http';
import type { DropletActionType } from '../../clients/digitalocean/infrastructure';
import { durationOf, infraOf, pendingActionOf, settleInfra, type StoredDroplet } from '../infra/model';
import { presentAction, presentDroplet } from '../infra/present';
import { dropletSizeOf, SANDBOX_DROPLET_SIZES } from '../infra/sizes';
import type { SandboxState } from '../state';
import { volumeIdsOf } from './volumes';

const refuse = (message: string) => doError(422, 'unprocessable_entity', message);

const SUPPORTED: readonly DropletActionType[] = ['reboot', 'power_cycle', 'power_off', 'power_on', 'resize'];

export function registerDropletRoutes(router: Router, state: SandboxState): void {
  const infra = () => {
    settleInfra(state);
    return infraOf(state);
  };
  const dropletOf = (req: SandboxRequest): StoredDroplet | undefined => {
    const id = Number(req.params.dropletId);
    return Number.isSafeInteger(id) ? infra().droplets.get(id) : undefined;
  };
  const present = (d: StoredDroplet) =>
    presentDroplet(d, !!pendingActionOf(infra(), d.id), state.clock.now(), volumeIdsOf(state, d.id));

  router
    .add('GET', '/v2/droplets', (req) => {
      const tag = req.url.searchParams.get('tag_name');
      const name = req.url.searchParams.get('name');
      const droplets = [...infra().droplets.values()]
        .filter((d) => (!tag || d.tags.includes(tag)) && (!name || d.name === name))
        .sort((a, b) => a.id - b.id)
        .map(present);
      return paginate(req, 'droplets', droplets);
    })
    .add('GET', '/v2/droplets/:dropletId', (req) => {
      const droplet = dropletOf(req);
      return droplet ? json(200, { droplet: present(droplet) }) : notFound();
    })
    .add('GET', '/v2/droplets/:dropletId/actions', (req) => {
      const droplet = dropletOf(req);
      if (!droplet) return notFound();
      const actions = [...infra().actions.values()]
        .filter((a) => a.dropletId === droplet.id)
        .sort((a, b) => b.startedAtMs - a.startedAtMs)
        .map((a) => presentAction(a, droplet.region));
      return paginate(req, 'actions', actions);
    })
    .add('GET', '/v2/droplets/:dropletId/actions/:actionId', (req) => {
      const droplet = dropletOf(req);
      const action = infra().actions.get(Number(req.params.actionId));
      if (!droplet || !action || action.dropletId !== droplet.id) return notFound();
      return json(200, { action: presentAction(action, droplet.region) });
    })
    .add('POST', '/v2/droplets/:dropletId/actions', (req) => {
      const droplet = dropletOf(req);
      if (!droplet) return notFound();
      const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
      const type = body.type;
      if (typeof type !== 'string' || type === '') return refuse('You must specify an action type.');
      if (!SUPPORTED.includes(type as DropletActionType)) {
        return refuse(`The sandbox does not run "${type}" actions; it runs ${SUPPORTED.join(', ')}.`);
      }
      if (pendingActionOf(infra(), droplet.id)) return refuse('Droplet already has a pending event.');
      const refusal = refusalOf(droplet, type as DropletActionType, body.size);
      if (refusal) return refuse(refusal);
      const store = infra();
      const action = {
        id: store.nextActionId++,
        dropletId: droplet.id,
        type: type as DropletActionType,
        ...(type === 'resize' ? { size: body.size as string } : {}),
        startedAtMs: state.clock.now(),
        durationMs: durationOf(store.timings, type as DropletActionType),
        status: 'in-progress' as const,
      };
      store.actions.set(action.id, action);
      return json(201, { action: presentAction(action, droplet.region) });
    })
    .add('GET', '/v2/sizes', (req) => paginate(req, 'sizes', SANDBOX_DROPLET_SIZES));
}

/** Why the API refuses this action on this droplet now, in its words; undefined when it may run. */
function refusalOf(droplet: StoredDroplet, type: DropletActionType, size: unknown): string | undefined {
  if (type === 'power_on' && droplet.status === 'active') return 'Droplet is already powered on.';
  if ((type === 'power_off' || type === 'reboot') && droplet.status === 'off') return 'Droplet is already powered off.';
  if (type !== 'resize') return undefined;
  if (typeof size !== 'string' || size === '') return 'You must specify a size.';
  const target = dropletSizeOf(size);
  if (!target) return `${size} is not a valid size.`;
  if (!target.regions.includes(droplet.region)) return 'Size is not available in this region.';
  if (target.slug === droplet.sizeSlug) return 'Droplet is already this size.';
  if (target.disk < droplet.diskGb) return "Size can not decrease size of Droplet's disk image";
  if (droplet.status !== 'off') return 'Droplet is currently on. Please power it off to run this event.';
  return undefined;
}
