// Block storage volumes (GET /v2/volumes, GET /v2/volumes/{volume_id}) in the shapes of the
// official spec's examples and godo's Volume: `region` and `name` narrow the list (both together
// find one volume, as a name is unique per region), paged like every list. A volume attached to
// no droplet is listed all the same with empty droplet_ids — DigitalOcean bills it either way.
// The single-volume path is not in the committed spec subset; its `{ volume: … }` envelope and
// the 404 follow the full spec and godo's GetVolume.
import { json, notFound, paginate, type Router } from '../http';
import { infraOf, type StoredVolume } from '../infra/model';
import { presentVolume } from '../infra/present';
import type { SandboxState } from '../state';

export function registerVolumeRoutes(router: Router, state: SandboxState): void {
  const volumes = (): StoredVolume[] =>
    [...infraOf(state).volumes.values()].sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );

  router
    .add('GET', '/v2/volumes', (req) => {
      const region = req.url.searchParams.get('region');
      const name = req.url.searchParams.get('name');
      const listed = volumes()
        .filter((v) => (!region || v.region === region) && (!name || v.name === name))
        .map(presentVolume);
      return paginate(req, 'volumes', listed);
    })
    .add('GET', '/v2/volumes/:volumeId', (req) => {
      const volume = infraOf(state).volumes.get(req.params.volumeId ?? '');
      return volume ? json(200, { volume: presentVolume(volume) }) : notFound();
    });
}

/** The ids of the volumes attached to a droplet, for its volume_ids. */
export function volumeIdsOf(state: SandboxState, dropletId: number): string[] {
  return [...infraOf(state).volumes.values()].filter((v) => v.attachedTo === dropletId).map((v) => v.id);
}
