// GET /v2/account: who a DigitalOcean token belongs to (Fleetdeck's token check).
import { json, type Router } from '../http';
import type { SandboxState } from '../state';

export function registerAccountRoutes(router: Router, state: SandboxState): void {
  router.add('GET', '/v2/account', (req) => {
    const grant = state.tokens.get(req.token ?? '');
    const owner = [...state.apps.values()][0]?.app.owner_uuid ?? '00000000-0000-4000-8000-000000000000';
    return json(200, {
      account: {
        droplet_limit: 25,
        floating_ip_limit: 3,
        email: grant?.email ?? 'founder@taskifai.com',
        name: 'TaskifAI Founder',
        uuid: owner,
        email_verified: true,
        status: 'active',
        status_message: '',
        team: { uuid: owner, name: 'TaskifAI' },
      },
    });
  });
}
