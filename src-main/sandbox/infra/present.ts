// The sandbox's stored infrastructure as the API returns it: droplets with their size and region
// objects, actions, clusters with their connection, users and database names, and pools with
// their connection strings, volumes with their region object — passwords included, as DigitalOcean sends them (Fleetdeck's service
// drops them before anything reaches the window).
import type { ConnectionPool, Droplet, DropletAction, Volume } from '../../clients/digitalocean/infrastructure';
import type { DatabaseCluster } from '../../clients/digitalocean/types';
import type { StoredAction, StoredCluster, StoredDroplet, StoredVolume } from './model';
import { dropletSizeOf, regionObject } from './sizes';

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const UBUNTU: Droplet['image'] = {
  id: 153_012_487,
  name: '24.04 (LTS) x64',
  distribution: 'Ubuntu',
  slug: 'ubuntu-24-04-x64',
  public: true,
  regions: ['ams3', 'blr1', 'fra1', 'lon1', 'nyc1', 'nyc3', 'sfo3', 'sgp1', 'syd1', 'tor1'],
  created_at: '2024-04-25T15:08:51Z',
  type: 'base',
  min_disk_size: 7,
  size_gigabytes: 2.8,
  description: 'Ubuntu 24.04 (LTS) x64',
  tags: [],
  status: 'available',
  error_message: '',
};

export function presentDroplet(
  d: StoredDroplet,
  locked: boolean,
  nowMs: number,
  volumeIds: readonly string[] = [],
): Droplet {
  const size = dropletSizeOf(d.sizeSlug);
  if (!size) throw new Error(`sandbox droplet ${d.name} has an unknown size ${d.sizeSlug}`);
  const day = new Date(nowMs);
  const windowStart = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1);
  return {
    id: d.id,
    name: d.name,
    memory: size.memory,
    vcpus: size.vcpus,
    disk: d.diskGb,
    disk_info: [{ type: 'local', size: { amount: d.diskGb, unit: 'gib' } }],
    locked,
    status: d.status,
    created_at: d.createdAt,
    features: ['monitoring', 'ipv6', 'private_networking', ...(d.backups ? ['backups'] : [])],
    backup_ids: [],
    next_backup_window: d.backups ? { start: iso(windowStart), end: iso(windowStart + 23 * 3_600_000) } : null,
    snapshot_ids: [],
    image: UBUNTU,
    volume_ids: [...volumeIds],
    size,
    size_slug: size.slug,
    networks: {
      v4: [
        { ip_address: d.privateIp, netmask: '255.255.240.0', gateway: '10.106.0.1', type: 'private' },
        {
          ip_address: d.publicIp,
          netmask: '255.255.240.0',
          gateway: d.publicIp.replace(/\.\d+$/, '.1'),
          type: 'public',
        },
      ],
      v6: d.ipv6
        ? [{ ip_address: d.ipv6, netmask: 64, gateway: d.ipv6.replace(/::[0-9a-f:]*$/, '::1'), type: 'public' }]
        : [],
    },
    region: regionObject(d.region),
    tags: [...d.tags],
    vpc_uuid: d.vpcUuid,
  };
}

export function presentAction(a: StoredAction, region: string): DropletAction {
  return {
    id: a.id,
    status: a.status,
    type: a.type,
    started_at: iso(a.startedAtMs),
    completed_at: a.completedAtMs === undefined ? null : iso(a.completedAtMs),
    resource_id: a.dropletId,
    resource_type: 'droplet',
    region: regionObject(region),
    region_slug: region,
  };
}

const port = (c: DatabaseCluster) => (c.engine === 'pg' ? 25060 : c.engine === 'mysql' ? 25060 : 25061);
const scheme = (c: DatabaseCluster) =>
  c.engine === 'pg' ? 'postgresql' : c.engine === 'mysql' ? 'mysql' : c.engine === 'mongodb' ? 'mongodb+srv' : 'rediss';

function connectionOf(stored: StoredCluster, database: string, user = 'doadmin', portOverride?: number) {
  const c = stored.cluster;
  const password = stored.users.find((u) => u.name === user)?.password ?? '';
  const at = `${stored.host}:${portOverride ?? port(c)}`;
  return {
    uri: `${scheme(c)}://${user}:${password}@${at}/${database}?sslmode=require`,
    database,
    host: stored.host,
    port: portOverride ?? port(c),
    user,
    password,
    ssl: true,
  };
}

export function presentCluster(stored: StoredCluster): DatabaseCluster {
  const c = stored.cluster;
  const hasDatabases = c.engine === 'pg' || c.engine === 'mysql';
  return {
    ...c,
    ...(stored.resize ? { status: 'resizing' as const } : {}),
    db_names: hasDatabases ? [...stored.dbs] : null,
    users: stored.users.map((u) => ({ ...u })),
    connection: connectionOf(stored, hasDatabases ? 'defaultdb' : ''),
    private_connection: connectionOf({ ...stored, host: `private-${stored.host}` }, hasDatabases ? 'defaultdb' : ''),
  };
}

/** Pools connect through PgBouncer on the next port, to the pool's own name. */
export function presentPool(stored: StoredCluster, pool: StoredCluster['pools'][number]): ConnectionPool {
  return { ...pool, connection: connectionOf(stored, pool.name, pool.user ?? 'doadmin', 25061) };
}

export function presentVolume(v: StoredVolume): Volume {
  return {
    id: v.id,
    region: regionObject(v.region),
    droplet_ids: v.attachedTo === undefined ? [] : [v.attachedTo],
    name: v.name,
    description: v.description,
    size_gigabytes: v.sizeGib,
    created_at: v.createdAt,
    filesystem_type: v.filesystemType,
    filesystem_label: v.filesystemLabel,
    tags: [...v.tags],
  };
}
