// Request schemas of the DNS domain.
import { z } from 'zod';
import type { DnsMethods, DnsStreams } from '../../../src-preload/contract';
import type { MethodSchemas, StreamSchemas } from './types';
import { none } from './shared';

const hostname = z
  .string()
  .max(253)
  .regex(/^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'a hostname such as app.example.com');
const domain = hostname;
const recordId = z.number().int().positive();
const recordInput = z.strictObject({
  type: z.enum(['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'SOA', 'SRV', 'TXT']),
  name: z.string().min(1).max(253).regex(/^(@|\*|(\*\.)?[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?)$/, 'a record name: "@", "*" or a label such as "app"'),
  data: z.string().min(1).max(2048),
  ttl: z.number().int().min(30).max(86400),
  priority: z.number().int().min(0).max(65535).nullable().optional(),
  port: z.number().int().min(0).max(65535).nullable().optional(),
  weight: z.number().int().min(0).max(65535).nullable().optional(),
});

export const dnsMethodSchemas: MethodSchemas<DnsMethods> = {
  listDomains: none,
  listRecords: z.strictObject({ domain }),
  createRecord: z.strictObject({ domain, record: recordInput }),
  updateRecord: z.strictObject({ domain, id: recordId, record: recordInput }),
  deleteRecord: z.strictObject({ domain, id: recordId }),
  checkDns: none,
  applyDnsFix: z.strictObject({
    kind: z.enum(['create', 'update', 'delete']),
    domain,
    recordId: recordId.optional(),
    record: recordInput,
    summary: z.string().max(500),
  }),
  probeHost: z.strictObject({ hostname }),
};

export const dnsStreamSchemas: StreamSchemas<DnsStreams> = {};
