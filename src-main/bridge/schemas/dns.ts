// Request schemas of the DNS domain.
import { z } from 'zod';
import {
  CAA_TAGS,
  DNS_RECORD_TYPES,
  type DnsMethods,
  type DnsRecordInput,
  type DnsStreams,
} from '../../../src-preload/contract';
import { dnsNameProblem, dnsRecordProblem } from '../../../src-preload/contract/nameRules';
import { HOST_LABEL_SOURCE, TLD_SOURCE } from '../../../src-preload/contract/namePatterns';
import type { MethodSchemas, StreamSchemas } from './types';
import { none } from './shared';

// Names are taken as people write them: upper case and one trailing dot are normalized away, not
// refused. Labels are letters, digits and hyphens ("_" too in hostnames: _acme-challenge); the TLD
// is letters, or an IDN's punycode such as xn--p1ai.
const LABEL = HOST_LABEL_SOURCE;
const DOMAIN_LABEL = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
const TLD = TLD_SOURCE;
// The length caps here only bound the work on absurd input; the DNS size rules (253 and 63) are
// the shared rules', said in their words.
const asName = z
  .string()
  .trim()
  .max(1024)
  .transform((name) => name.toLowerCase().replace(/\.$/, ''));
// The size and empty-label rules come first, in the shared rule's words; the pattern after them
// only says which characters make a name.
const nameRules = z.string().superRefine((name, ctx) => {
  const problem = dnsNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, continue: false });
});
const hostname = asName.pipe(
  nameRules.regex(new RegExp(`^(\\*\\.)?(${LABEL}\\.)+${TLD}$`), 'a hostname such as app.example.com'),
);
const domain = asName.pipe(
  nameRules.regex(new RegExp(`^(${DOMAIN_LABEL}\\.)+${TLD}$`), 'a domain such as example.com'),
);
const recordId = z.number().int().positive();
const port = z.number().int().min(0).max(65535).nullable().optional();
const recordInput = z.strictObject({
  type: z.enum(DNS_RECORD_TYPES),
  // Dots and a trailing dot pass: a full name ("app.example.com.") gets the service's words on
  // what to write instead ("app").
  name: z
    .string()
    .min(1, 'a record name: "@", "*" or a label such as "app"')
    .max(1024)
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
  tag: z.enum(CAA_TAGS).nullable().optional(),
});

/** A record to be written keeps the DNS rules (the same module the service checks with). */
const keepsRecordRules =
  (path: string) => (request: { domain: string; record: DnsRecordInput }, ctx: z.RefinementCtx) => {
    const problem = dnsRecordProblem(request.record, request.domain);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [path] });
  };

export const dnsMethodSchemas = {
  listDomains: none,
  listRecords: z.strictObject({ domain }),
  createRecord: z.strictObject({ domain, record: recordInput }).superRefine(keepsRecordRules('record')),
  updateRecord: z.strictObject({ domain, id: recordId, record: recordInput }).superRefine(keepsRecordRules('record')),
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
    })
    // A record being deleted is whatever the zone holds: only what gets written must keep the rules.
    .superRefine((fix, ctx) => {
      if (fix.kind !== 'delete') keepsRecordRules('record')(fix, ctx);
    }),
  probeHost: z.strictObject({ hostname }),
} satisfies MethodSchemas<DnsMethods>;

export const dnsStreamSchemas = {} satisfies StreamSchemas<DnsStreams>;
