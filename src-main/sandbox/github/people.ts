// Who works on each demo repository, what their commits say and touch, and what CI runs on them.
// Made up in the spirit of the seed guides; any repository the demo does not know (the synthetic
// fleet, a tenant created from a new spec) gets the generic entry.
import { createHash } from 'node:crypto';
import type { CiRun, GitHubPerson } from './model';

interface CiDefinition {
  name: string;
  kind: 'check' | 'status';
  minutes: number;
  summary: string;
  /** The output title when it fails. */
  failure?: string;
}

export interface RepoPeople {
  authors: GitHubPerson[];
  /** Commit message and the files it touches. */
  work: Array<[message: string, files: string[]]>;
  ci: CiDefinition[];
}

const dependabot: GitHubPerson = {
  login: 'dependabot[bot]',
  id: 49_699_333,
  name: 'dependabot[bot]',
  email: '49699333+dependabot[bot]@users.noreply.github.com',
  type: 'Bot',
};
const user = (login: string, id: number, name: string, email: string): GitHubPerson => ({
  login,
  id,
  name,
  email,
  type: 'User',
});
const check = (name: string, minutes: number, failure?: string): CiDefinition => ({
  name,
  kind: 'check',
  minutes,
  summary: 'All jobs passed',
  ...(failure ? { failure } : {}),
});

const PEOPLE: Record<string, RepoPeople> = {
  'taskifai/taskifai-platform': {
    authors: [
      user('taskifai-founder', 5_551_212, 'TaskifAI Founder', 'founder@taskifai.com'),
      user('lbrandt-dev', 81_234_567, 'Lena Brandt', 'lena@taskifai.com'),
      user('chidiokoye', 64_201_377, 'Chidi Okoye', 'chidi@taskifai.com'),
      dependabot,
    ],
    work: [
      ['fix(upload): stream large XLSX files instead of loading them whole', ['backend/app/services/upload.py']],
      [
        'feat(chat): cite the source rows under each analytics answer',
        ['backend/app/ai/chat.py', 'frontend/src/chat/Answer.tsx'],
      ],
      ['fix(tenants): resolve the tenant from the subdomain before auth', ['backend/app/core/tenant.py']],
      [
        'chore(deps): bump vite from 7.1.4 to 7.1.9 in /frontend',
        ['frontend/package.json', 'frontend/package-lock.json'],
      ],
      ['feat(dashboards): embed per-tenant Superset dashboards', ['frontend/src/dashboards/Embed.tsx']],
      ['fix(worker): retry Supabase pooler on connection reset', ['backend/app/workers/tasks.py']],
      ['perf(vendors): cache vendor detection per file hash', ['backend/app/services/vendors.py']],
      [
        'feat(email): weekly summary report per tenant',
        ['backend/app/workers/reports.py', 'backend/app/templates/weekly.html'],
      ],
      ['fix(auth): refresh tokens no longer expire at 24 h on idle tabs', ['frontend/src/auth/session.ts']],
      ['refactor(api): one router per tenant-scoped resource', ['backend/app/api/routes.py']],
      ['test(upload): BIBBI sell-out files with merged header rows', ['backend/tests/test_upload.py']],
      ['feat(registry): tenant onboarding checklist in the central app', ['frontend/src/admin/Onboarding.tsx']],
    ],
    ci: [check('backend (pytest)', 4), check('frontend (vitest)', 3), check('e2e (playwright)', 25)],
  },
  'insightpulse-ai/insightpulse-odoo': {
    authors: [
      user('marisol-tan', 90_311_245, 'Marisol Tan', 'marisol@insightpulseai.net'),
      user('jreyes-ipai', 112_093_374, 'Jun Reyes', 'jun@insightpulseai.net'),
      { name: 'InsightPulse Deploy Bot', email: 'deploy@insightpulseai.net' },
    ],
    work: [
      ['fix(odoo): health endpoint answers before the registry loads', ['addons/ipai_health/controllers/main.py']],
      ['feat(superset): expense dashboards for the finance team', ['infra/superset/dashboards/expenses.json']],
      ['chore(odoo): pin OCA modules to 18.0 branch heads', ['oca.txt']],
      ['fix(mcp): reconnect SSE clients after a deploy', ['services/mcp-coordinator/app/sse.py']],
      ['feat(mcp): Notion sync tool for the coordinator', ['services/mcp-coordinator/app/tools/notion.py']],
      ['perf(superset): two Gunicorn workers, 120 s timeout', ['infra/superset/Dockerfile']],
      ['fix(odoo): use the Supabase pooler on 6543', ['Dockerfile.custom', 'config/odoo.conf']],
      ['docs: runbook for restoring the Odoo filestore', ['docs/runbooks/filestore.md']],
    ],
    ci: [
      check('odoo-tests', 9),
      check('docker-build', 6),
      { name: 'security/snyk (insightpulse-ai)', kind: 'status', minutes: 2, summary: 'No new issues' },
    ],
  },
  'multivio/multivio-backend': {
    authors: [
      user('amaowusu', 73_310_092, 'Ama Owusu', 'ama@multivio.com'),
      user('dferraz', 58_890_213, 'Diego Ferraz', 'diego@multivio.com'),
    ],
    work: [
      ['feat(posts): schedule LinkedIn posts with the X ones', ['app/services/scheduler.py']],
      ['fix(ai): fall back to Together when Grok times out', ['app/ai/providers.py']],
      ['fix(media): sign R2 URLs for an hour, not a day', ['app/services/media.py']],
      ['feat(api): per-workspace rate limits', ['app/middleware/ratelimit.py']],
      ['chore: ruff 0.8 and the new lint rules', ['pyproject.toml']],
      ['fix(celery): acks_late so a redeploy does not drop tasks', ['app/celery_app.py']],
      ['feat(analytics): engagement totals per channel', ['app/api/analytics.py']],
      ['test: Firebase token expiry edge cases', ['tests/test_auth.py']],
    ],
    ci: [check('ruff', 1), check('pytest', 5), check('docker-build', 4)],
  },
  'presence360/presence360': {
    authors: [
      user('kwame-asante', 70_112_345, 'Kwame Asante', 'kwame@presence360.app'),
      user('efuamensah', 99_812_376, 'Efua Mensah', 'efua@presence360.app'),
    ],
    work: [
      ['feat(tenant-api): batch face matching for roll call', ['apps/tenant-api/app/recognition/batch.py']],
      ['fix(web-tenant): attendance export keeps the local timezone', ['apps/web-tenant/src/export.ts']],
      ['feat(control-plane): suspend a tenant from the admin page', ['apps/control-plane-api/app/tenants.py']],
      ['fix(worker): mNotify SMS retries with backoff', ['apps/tenant-api/app/messaging/sms.py']],
      [
        'chore: Next.js 15.5 for both web apps',
        ['apps/web-tenant/package.json', 'apps/web-control-plane/package.json'],
      ],
      ['feat(tenant-api): per-tenant Rekognition collections', ['apps/tenant-api/app/recognition/collections.py']],
      ['fix(control-plane): rotate tenant credentials without downtime', ['apps/control-plane-api/app/credentials.py']],
      ['refactor(tenant-api): attendance rules as policies', ['apps/tenant-api/app/attendance/policies.py']],
    ],
    ci: [
      check('lint', 1),
      check('test', 6, '2 failed, 214 passed: test_late_arrival_grace, test_export_keeps_timezone'),
      check('build', 5),
    ],
  },
  'taskassistant/task-assistant-ai': {
    authors: [
      user('priyanair-dev', 85_512_390, 'Priya Nair', 'priya@taskassistant.ai'),
      user('tbecker', 41_230_987, 'Tom Becker', 'tom@taskassistant.ai'),
      dependabot,
    ],
    work: [
      ['feat(agents): Anthropic tool use for task breakdown', ['app/ai/anthropic_agent.py']],
      ['fix(beat): one schedule even with two beat replicas', ['app/core/celery_tasks.py']],
      ['feat(api): webhooks for task status changes', ['app/api/webhooks.py']],
      ['chore(deps): bump sqlalchemy from 2.0.36 to 2.0.41', ['requirements.txt']],
      ['fix(migrate): alembic migration for task priorities', ['alembic/versions/0042_task_priority.py']],
      ['perf(api): index tasks by owner and due date', ['alembic/versions/0043_task_indexes.py']],
      ['feat(agents): Groq for fast summaries', ['app/ai/groq_summary.py']],
      ['fix(auth): constant-time API key comparison', ['app/core/security.py']],
    ],
    ci: [
      check('tests (3.11)', 5),
      check('tests (3.12)', 5),
      check('docker', 4),
      { name: 'codecov/project', kind: 'status', minutes: 6, summary: '87.41% (+0.12%) compared to base' },
    ],
  },
};

const GENERIC: RepoPeople = {
  authors: [user('platform-team', 10_000_001, 'Platform Team', 'platform@example.com')],
  work: [
    ['fix: handle empty tenant settings', ['app/settings.py']],
    ['feat: tenant usage report', ['app/reports.py']],
    ['chore(deps): update dependencies', ['requirements.txt']],
    ['perf: cache tenant lookups', ['app/tenants.py']],
  ],
  ci: [check('ci', 4)],
};

export function peopleOf(fullName: string): RepoPeople {
  return PEOPLE[fullName.toLowerCase()] ?? GENERIC;
}

/**
 * How CI goes on a new commit: by default it starts now and finishes after each check's usual
 * time, all passing; 'success' is already green, 'pending' still running for hours, and
 * `{failing}` is finished with that check (or status context) failed.
 */
export type CiOverride = 'success' | 'pending' | { failing: string };

export function ciPlanFor(fullName: string, sha: string, dateMs: number, override?: CiOverride): CiRun[] {
  const startedMs = dateMs + 20_000;
  return peopleOf(fullName).ci.map((def): CiRun => {
    const failing = typeof override === 'object' && override.failing === def.name;
    const durationMs = override === 'pending' ? 6 * 3_600_000 : override === undefined ? def.minutes * 60_000 : -20_000;
    return {
      name: def.name,
      kind: def.kind,
      id: ciRunId(sha, def.name),
      startedMs,
      durationMs,
      conclusion: failing ? 'failure' : 'success',
      summary: failing ? (def.failure ?? `${def.name} failed: see the job's log`) : def.summary,
    };
  });
}

/** Check-run ids are past 2^32 today (which is why Octokit parses JSON with BigInt support). */
function ciRunId(sha: string, name: string): number {
  const h = createHash('sha1').update(`${sha}:${name}`).digest();
  return 30_000_000_000 + (h.readUInt32BE(0) % 5_000_000_000);
}
