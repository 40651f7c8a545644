// Request schemas of the DNS domain.
import { z } from 'zod';
import type { DnsMethods, DnsStreams } from '../../../src-preload/contract';
import type { MethodSchemas, StreamSchemas } from './types';
import { none } from './shared';

// Names are taken as people write them: upper case and one trailing dot are normalized away, not
// refused. Labels are letters, digits and hyphens ("_" too in hostnames: _acme-challenge); the TLD
// is letters, or an IDN's punycode such as xn--p1ai.
const LABEL = '[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?';
const DOMAIN_LABEL = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
const TLD = '([a-z]{2,63}|xn--[a-z0-9-]{1,59})';
const asName = z
  .string()
  .trim()
  .max(254)
  .transform((name) => name.toLowerCase().replace(/\.$/, ''));
const hostname = asName.pipe(
  z
    .string()
    .max(253)
    .regex(new RegExp(`^(\\*\\.)?(${LABEL}\\.)+${TLD}$`), 'a hostname such as app.example.com'),
);
const domain = asName.pipe(
  z
    .string()
    .max(253)
    .regex(new RegExp(`^(${DOMAIN_LABEL}\\.)+${TLD}$`), 'a domain such as example.com'),
);
const recordId = z.number().int().positive();
const port = z.number().int().min(0).max(65535).nullable().optional();
const recordInput = z.strictObject({
  type: z.enum(['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'SOA', 'SRV', 'TXT']),
  // Dots and a trailing dot pass: a full name ("app.example.com.") gets the service's words on
  // what to write instead ("app").
  name: z
    .string()
    .min(1, 'a record name: "@", "*" or a label such as "app"')
    .max(254)
    .regex(
      /^(@|\*|(\*\.)?[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?\.?)$/,
      'a record name: "@", "*" or a label such as "app"',
    ),
  data: z.string().trim().min(1, 'the record needs a value').max(2048),
  ttl: z.number().int().min(30, 'a TTL of at least 30 seconds').max(86400, 'a TTL of at most 86400 seconds (a day)'),
  priority: port,
  port,
  weight: port,
  flags: z.number().int().min(0).max(255).nullable().optional(),
  tag: z.enum(['issue', 'issuewild', 'iodef']).nullable().optional(),
});

export const dnsMethodSchemas: MethodSchemas<DnsMethods> = {
  listDomains: none,
  listRecords: z.strictObject({ domain }),
  createRecord: z.strictObject({ domain, record: recordInput }),
  updateRecord: z.strictObject({ domain, id: recordId, record: recordInput }),
  deleteRecord: z.strictObject({ domain, id: recordId }),
  checkDns: none,
  applyDnsFix: z
    .strictObject({
      kind: z.enum(['create', 'update', 'delete']),
      domain,
      recordId: recordId.optional(),
      record: recordInput,
      before: recordInput.optional(),
      summary: z.string().max(500),
    })
    .refine((fix) => fix.kind === 'create' || (fix.recordId !== undefined && fix.before !== undefined), {
      message: 'an update or delete names the record and how it looked when checked',
    }),
  probeHost: z.strictObject({ hostname }),
};

export const dnsStreamSchemas: StreamSchemas<DnsStreams> = {};
