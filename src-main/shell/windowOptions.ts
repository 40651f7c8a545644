// The main window's options, kept free of runtime Electron imports so a test can assert every
// item of Electron's security checklist on the exact object the app uses.
import type { BrowserWindowConstructorOptions } from 'electron';
import { isLoopbackHost } from '../base/loopback';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Fleetdeck',
    backgroundColor: '#0f1218',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** Links the renderer may hand to the OS browser: https only. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    return new URL(raw).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The providers' own sites, whose links (docs, dashboards, commits) open without a question. */
const PROVIDER_DOMAINS = ['digitalocean.com', 'ondigitalocean.app', 'supabase.com', 'supabase.co', 'github.com'];

export type ExternalLinkDecision = 'open' | 'ask' | 'refuse';

/**
 * What a link from the window may do: an https link to a provider or to one of the fleet's own
 * hostnames opens; any other https link is opened only after the user agrees; anything else never.
 */
export function externalLinkDecision(raw: string, fleetHosts: ReadonlySet<string>): ExternalLinkDecision {
  if (!isSafeExternalUrl(raw)) return 'refuse';
  const url = new URL(raw);
  if (url.username || url.password || url.port) return 'ask';
  const host = url.hostname.toLowerCase();
  if (PROVIDER_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`))) return 'open';
  return fleetHosts.has(host) ? 'open' : 'ask';
}

/**
 * Where the window's page comes from. The dev server's URL (electron-vite sets it) is trusted only
 * when unpackaged and only on loopback: in a shipped app an environment variable must not be able
 * to swap in another page that would then be given the whole contract.
 */
export function devRendererUrl(env: Record<string, string | undefined>, isPackaged: boolean): string | undefined {
  const raw = env['ELECTRON_RENDERER_URL'];
  if (!raw || isPackaged) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' && isLoopbackHost(url.hostname) ? raw : undefined;
  } catch {
    return undefined;
  }
}
