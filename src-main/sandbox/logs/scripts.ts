// Build and deploy logs of a deployment, written the way App Platform's builder and deployer
// write them (kaniko for Dockerfiles, Cloud Native Buildpacks otherwise, pre-deploy jobs, health
// checks). Lines are laid out over each step's started/ended times, so a running build has a
// past (served as tail) and a future (streamed live as the sandbox clock reaches it).
import { leafSteps, type AppSpec, type Deployment, type DeploymentStep } from '../../clients/digitalocean/types';
import { Rand } from '../seed/random';
import { seedOf } from './runLines';

export interface ScriptLine {
  ms: number;
  component: string;
  text: string;
}

type Built = {
  name?: string;
  dockerfile_path?: string;
  environment_slug?: string;
  source_dir?: string;
  build_command?: string;
  github?: { branch?: string };
};

/** A running step writes a line about this often, like a builder working through its steps. */
const RUNNING_LINE_MS = 1_200;

function componentsOf(spec: AppSpec): Built[] {
  return [
    ...(spec.static_sites ?? []),
    ...(spec.services ?? []),
    ...(spec.workers ?? []),
    ...(spec.jobs ?? []),
  ] as Built[];
}

function buildLines(c: Built, commit: string, failed: boolean, r: Rand): string[] {
  const dir = c.source_dir && c.source_dir !== '/' ? c.source_dir : '';
  const out = [
    '╭──────────── git repo clone ───────────╼',
    '│  › fetching app source code',
    `│ => Selecting branch "${c.github?.branch ?? 'main'}"`,
    `│ => Checking out commit "${commit}"`,
    '│',
    '│  ✔ cloned repo to /.app_platform_workspace',
    '╰────────────────────────────────────────╼',
    '',
    ` › applying source directory ${dir || '/'}`,
    ` ✔ using workspace root /.app_platform_workspace${dir ? '/' + dir : ''}`,
    '',
  ];
  const python = [
    'fastapi==0.110.0',
    'uvicorn[standard]==0.29.0',
    'sqlalchemy==2.0.30',
    'celery[redis]==5.3.6',
    'pandas==2.2.2',
    'openpyxl==3.1.2',
    'supabase==2.4.5',
  ];
  if (c.dockerfile_path) {
    out.push(
      '╭──────────── dockerfile build ───────────╼',
      `│  › using dockerfile /.app_platform_workspace/${c.dockerfile_path}`,
      `│  › using build context /.app_platform_workspace${dir ? '/' + dir : ''}`,
      '│',
    );
    out.push(
      '│ INFO[0000] Retrieving image manifest python:3.11-slim',
      '│ INFO[0001] Built cross stage deps: map[]',
      '│ INFO[0002] Executing 0 build triggers',
      '│ INFO[0003] WORKDIR /app',
    );
    out.push('│ INFO[0004] RUN pip install --no-cache-dir -r requirements.txt');
  } else {
    const node = c.environment_slug === 'node-js' || !!c.build_command;
    out.push(
      '╭──────────── buildpack detection ───────────╼',
      '│  › using Ubuntu 22.04 stack',
      '│ Detected the following buildpacks suitable to build your app:',
      '│',
    );
    out.push(
      node
        ? '│    heroku/nodejs                  v3.2.5  (Node.js)'
        : '│    heroku/python                  v4.242.4 (Python)',
      '│    digitalocean/procfile          v0.0.4  (Procfile)',
      '╰─────────────────────────────────────────────╼',
      '',
    );
    out.push('╭──────────── app build ───────────╼');
    if (node) {
      out.push(
        '│ -----> Installing binaries',
        '│        engines.node (package.json):  20.x',
        '│ -----> Installing dependencies',
        '│        Installing node modules (package-lock.json)',
        `│        added ${r.int(300, 1400)} packages in ${r.int(8, 40)}s`,
      );
      out.push(
        '│ -----> Build',
        `│        Running ${c.build_command ?? 'npm run build'}`,
        '│        vite v5.4.8 building for production...',
        `│        ✓ ${r.int(400, 2200)} modules transformed.`,
        `│        dist/assets/index-${r.hex(8)}.js   ${r.int(180, 900)}.${r.int(10, 99)} kB │ gzip: ${r.int(60, 280)}.${r.int(10, 99)} kB`,
        `│        ✓ built in ${r.int(3, 19)}.${r.int(10, 99)}s`,
      );
    } else {
      out.push(
        '│ -----> Using Python version specified in runtime.txt',
        '│ -----> Installing python-3.11.9',
        '│ -----> Installing pip 24.0, setuptools 70.0.0 and wheel 0.43.0',
        '│ -----> Installing requirements with pip',
      );
    }
  }
  if (!c.environment_slug?.startsWith('node')) {
    for (const pkg of python)
      out.push(
        `│        Collecting ${pkg}`,
        `│          Downloading ${pkg.replace('==', '-').replace(/\[.*\]/, '')}-py3-none-any.whl (${r.int(40, 900)} kB)`,
      );
  }
  if (failed) {
    out.push(
      '│ ERROR: Could not find a version that satisfies the requirement pandas==2.3.9 (from versions: 2.2.0, 2.2.1, 2.2.2)',
      '│ ERROR: No matching distribution found for pandas==2.3.9',
    );
    out.push(
      '│ error: build failed: exit status 1',
      '│',
      '│ ✘ build failed',
      '╰─────────────────────────────────────────────╼',
    );
    return out;
  }
  out.push(
    `│        Successfully installed ${python.map((p) => p.split('==')[0]).join(' ')}`,
    '│',
    `│ INFO[${pad4(r.int(40, 180))}] Pushing image to registry.digitalocean.com/apps/${c.name ?? 'app'}`,
    '│',
    '│  ✔ built and uploaded image',
    '╰─────────────────────────────────────────────╼',
  );
  return out;
}

const pad4 = (n: number) => String(n).padStart(4, '0');

function deployLines(step: DeploymentStep, spec: AppSpec, r: Rand): string[] {
  const name = step.component_name ?? '';
  const service = spec.services?.find((s) => s.name === name);
  if (step.name === 'pre-deploy') {
    const lines = [
      ` › starting pre-deploy job ${name}`,
      'INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.',
      'INFO  [alembic.runtime.migration] Will assume transactional DDL.',
    ];
    lines.push(
      `INFO  [alembic.runtime.migration] Running upgrade ${r.hex(12)} -> ${r.hex(12)}, ${r.pick(['add tenant quotas', 'index uploads by created_at', 'add report schedules'])}`,
    );
    return [...lines, ` ✔ pre-deploy job ${name} completed`];
  }
  if (step.name === 'deploy') {
    const size =
      service?.instance_size_slug ??
      spec.workers?.find((w) => w.name === name)?.instance_size_slug ??
      'apps-s-1vcpu-0.5gb';
    return [
      ` › deploying ${service?.instance_count ?? 1} instance(s) of ${size}`,
      ' › pulling image',
      ' ✔ container started',
    ];
  }
  if (step.name === 'wait') {
    const path = service?.health_check?.http_path ?? '/';
    if (step.status === 'ERROR') {
      const probe = `✘ readiness probe failed: HTTP probe failed with statuscode: 503 (GET ${path} on port ${service?.http_port ?? 8080})`;
      return [
        ` › waiting for health checks on ${name}`,
        ` ${probe}`,
        ` ${probe}`,
        ` ${probe}`,
        ` ✘ component ${name} failed health checks: ${step.reason?.message ?? 'deploy failed'}`,
      ];
    }
    return [
      ` › waiting for health checks on ${name}`,
      service ? ` ✔ health check GET ${path} passed` : ' ✔ instances running',
    ];
  }
  if (step.name === 'finalize') return [' ✔ deployment is live'];
  return [];
}

/**
 * The whole script of one deployment's BUILD or DEPLOY log, oldest first. Steps that have not
 * started write nothing yet; a running step writes a line every RUNNING_LINE_MS.
 */
export function deploymentScript(deployment: Deployment, type: 'BUILD' | 'DEPLOY'): ScriptLine[] {
  const spec = deployment.spec;
  if (!spec) return [];
  const r = Rand.fromSeed(seedOf(`${deployment.id ?? ''}/${type}`));
  const commit = deployment.services?.find((s) => s.source_commit_hash)?.source_commit_hash ?? r.hex(40);
  const components = componentsOf(spec);
  const fallback = spec.services?.[0]?.name ?? components[0]?.name ?? spec.name ?? 'app';
  const out: ScriptLine[] = [];
  for (const step of leafSteps(deployment.progress?.steps)) {
    const isBuild = step.name === 'build';
    if (isBuild !== (type === 'BUILD') || !step.started_at) continue;
    const component = step.component_name ?? fallback;
    const texts = isBuild
      ? buildLines(
          components.find((c) => c.name === component) ?? { name: component },
          commit,
          step.status === 'ERROR',
          r,
        )
      : deployLines(step, spec, r);
    const start = Date.parse(step.started_at);
    const end = step.ended_at ? Date.parse(step.ended_at) : undefined;
    texts.forEach((text, i) => {
      const ms =
        end === undefined ? start + (i + 1) * RUNNING_LINE_MS : start + ((end - start) * (i + 1)) / (texts.length + 1);
      out.push({ ms: Math.round(ms), component, text });
    });
  }
  return out.sort((a, b) => a.ms - b.ms);
}
