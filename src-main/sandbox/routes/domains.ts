// Domains and domain records (DigitalOcean DNS) in the sandbox cloud, answered in the shapes of the
// official spec: `domains` / `domain_records` lists with `links` and `meta.total`, `domain` /
// `domain_record` objects, 204 on delete, `{id, message, request_id}` on 404 and 422.
import { isIP } from 'node:net';
import { doError, json, notFound, paginate, type Router, type SandboxRequest, type SandboxResponse } from '../http';
import type { SandboxState } from '../state';
import {
  emptyDns,
  newZone,
  normalizeName,
  storeRecord,
  zoneFile,
  type SandboxDns,
  type SandboxZone,
  type StoredRecord,
} from '../dns/zones';
import { HOSTNAME_PATTERN } from '../../../src-preload/contract/namePatterns';

const RECORD_TYPES = ['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'SOA', 'SRV', 'TXT'];
// The TLD is letters, or an IDN's punycode (xn--p1ai).
const HOSTNAME = HOSTNAME_PATTERN;
const RECORD_NAME = /^(@|\*|(\*\.)?[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?)$/i;

const unprocessable = (message: string) => doError(422, 'unprocessable_entity', message);
const bodyOf = (req: SandboxRequest) =>
  typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};

export function dnsOf(state: SandboxState): SandboxDns {
  state.dns ??= emptyDns();
  return state.dns;
}

const presentDomain = (zone: SandboxZone) => ({ name: zone.name, ttl: zone.ttl, zone_file: zoneFile(zone) });

/** The fully qualified name of a record, as the list's `name` filter takes it. */
const fqdnOf = (zone: SandboxZone, record: StoredRecord) =>
  (record.name === '@' ? zone.name : `${record.name}.${zone.name}`).toLowerCase();

export function registerDomainRoutes(router: Router, state: SandboxState): void {
  const zoneOf = (req: SandboxRequest) => dnsOf(state).zones.get(normalizeName(req.params.domainName ?? ''));
  const recordOf = (zone: SandboxZone, req: SandboxRequest) => {
    const id = Number(req.params.recordId);
    return Number.isInteger(id) ? zone.records.find((r) => r.id === id) : undefined;
  };

  router
    .add('GET', '/v2/domains', (req) => paginate(req, 'domains', [...dnsOf(state).zones.values()].map(presentDomain)))
    .add('POST', '/v2/domains', (req) => {
      const body = bodyOf(req);
      const name = typeof body.name === 'string' ? normalizeName(body.name) : '';
      if (!name || !HOSTNAME.test(name)) return unprocessable('Name is not a valid domain name.');
      const dns = dnsOf(state);
      if (dns.zones.has(name)) return unprocessable(`Name "${name}" is already in use.`);
      const ip = body.ip_address;
      if (ip !== undefined && (typeof ip !== 'string' || isIP(ip) !== 4))
        return unprocessable('Ip address is not a valid IPv4 address.');
      const zone = newZone(dns, name);
      if (typeof ip === 'string') zone.records.push(storeRecord(dns, { type: 'A', name: '@', data: ip }));
      dns.zones.set(name, zone);
      return json(201, { domain: { name: zone.name, ttl: zone.ttl, zone_file: null } });
    })
    .add('GET', '/v2/domains/:domainName', (req) => {
      const zone = zoneOf(req);
      return zone ? json(200, { domain: presentDomain(zone) }) : notFound();
    })
    .add('DELETE', '/v2/domains/:domainName', (req) => {
      const zone = zoneOf(req);
      if (!zone) return notFound();
      dnsOf(state).zones.delete(zone.name);
      return { status: 204 };
    })
    .add('GET', '/v2/domains/:domainName/records', (req) => {
      const zone = zoneOf(req);
      if (!zone) return notFound();
      const name = req.url.searchParams.get('name');
      const type = req.url.searchParams.get('type');
      const records = zone.records.filter(
        (r) => (!name || fqdnOf(zone, r) === normalizeName(name)) && (!type || r.type === type.toUpperCase()),
      );
      return paginate(req, 'domain_records', records);
    })
    .add('POST', '/v2/domains/:domainName/records', (req) => {
      const zone = zoneOf(req);
      if (!zone) return notFound();
      const body = bodyOf(req);
      const input = {
        ...body,
        type: typeof body.type === 'string' ? body.type.toUpperCase() : '',
        name: typeof body.name === 'string' ? body.name : body.type === 'MX' ? '@' : '',
      };
      const problem = recordProblem(zone, input);
      if (problem) return unprocessable(problem);
      const record = storeRecord(dnsOf(state), canonical(input as RecordFields), zone.ttl);
      zone.records.push(record);
      return json(201, { domain_record: record });
    })
    .add('GET', '/v2/domains/:domainName/records/:recordId', (req) => {
      const zone = zoneOf(req);
      const record = zone && recordOf(zone, req);
      return record ? json(200, { domain_record: record }) : notFound();
    })
    .add('PUT', '/v2/domains/:domainName/records/:recordId', (req) => editRecord(req))
    .add('PATCH', '/v2/domains/:domainName/records/:recordId', (req) => editRecord(req))
    .add('DELETE', '/v2/domains/:domainName/records/:recordId', (req) => {
      const zone = zoneOf(req);
      const record = zone && recordOf(zone, req);
      if (!zone || !record) return notFound();
      zone.records = zone.records.filter((r) => r !== record);
      return { status: 204 };
    });

  // PUT and PATCH both set the attributes they carry (as godo's EditRecord does); the type stays.
  function editRecord(req: SandboxRequest): SandboxResponse {
    const zone = zoneOf(req);
    const record = zone && recordOf(zone, req);
    if (!zone || !record) return notFound();
    const body = bodyOf(req);
    if (typeof body.type === 'string' && body.type.toUpperCase() !== record.type) {
      return unprocessable(`The type of a record can't be changed (${record.type}); delete it and create a new one.`);
    }
    const merged = { ...record, ...body, type: record.type, id: record.id };
    const problem = recordProblem(zone, merged, record.id);
    if (problem) return unprocessable(problem);
    Object.assign(record, canonical(merged as RecordFields), { id: record.id });
    return json(200, { domain_record: record });
  }
}

interface RecordFields {
  type: string;
  name: string;
  data: string;
  ttl?: number;
  priority?: number | null;
  port?: number | null;
  weight?: number | null;
  flags?: number | null;
  tag?: string | null;
}

/** Names are stored as given but lower-cased; host-valued data loses its trailing dot. */
function canonical(input: RecordFields): RecordFields {
  const hostValued = ['CNAME', 'MX', 'NS', 'SRV'].includes(input.type);
  return {
    ...input,
    name: input.name.toLowerCase(),
    data: hostValued && input.data !== '@' ? normalizeName(input.data) : input.data,
  };
}

/** Why DigitalOcean would refuse this record (422), in its words; undefined when it is fine. */
function recordProblem(zone: SandboxZone, input: Record<string, unknown>, editingId?: number): string | undefined {
  const type = typeof input.type === 'string' ? input.type : '';
  if (!RECORD_TYPES.includes(type)) return 'Type must be one of A, AAAA, CAA, CNAME, MX, NS, SRV, TXT.';
  if (type === 'SOA') return 'SOA records are managed by DigitalOcean and can only be changed through the domain.';
  const name = typeof input.name === 'string' ? input.name.trim().toLowerCase() : '';
  if (!name) return "Name can't be blank.";
  if (!RECORD_NAME.test(name)) return `Name "${name}" is not a valid record name.`;
  const data = typeof input.data === 'string' ? input.data.trim() : '';
  if (!data) return "Data can't be blank.";
  const ttl = input.ttl;
  if (ttl !== undefined && ttl !== null && (!Number.isInteger(ttl) || (ttl as number) < 30))
    return 'Ttl must be an integer of at least 30.';
  const int = (key: string, max: number) => {
    const v = input[key];
    return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;
  };
  switch (type) {
    case 'A':
      if (isIP(data) !== 4) return `Data "${data}" is not a valid IPv4 address.`;
      break;
    case 'AAAA':
      if (isIP(data) !== 6) return `Data "${data}" is not a valid IPv6 address.`;
      break;
    case 'CNAME':
      if (name === '@') return 'CNAME records cannot be created at the apex (@) of a domain.';
      if (data !== '@' && !HOSTNAME.test(data)) return `Data "${data}" is not a valid hostname.`;
      break;
    case 'MX':
    case 'NS':
      if (data !== '@' && !HOSTNAME.test(data)) return `Data "${data}" is not a valid hostname.`;
      if (type === 'MX' && !int('priority', 65535)) return 'Priority must be an integer between 0 and 65535.';
      break;
    case 'SRV':
      if (!int('priority', 65535) || !int('port', 65535) || !int('weight', 65535))
        return 'SRV records need priority, port and weight.';
      break;
    case 'CAA':
      if (!int('flags', 255)) return 'Flags must be an integer between 0 and 255.';
      if (!['issue', 'issuewild', 'iodef'].includes(String(input.tag)))
        return 'Tag must be one of issue, issuewild, iodef.';
      break;
  }
  const others = zone.records.filter((r) => r.name === name && r.id !== editingId);
  if (type === 'CNAME' && others.length > 0)
    return `A CNAME record can't share its name (${name}) with any other record.`;
  if (others.some((r) => r.type === 'CNAME'))
    return `${name} already has a CNAME record, which can't share its name with any other record.`;
  return undefined;
}
