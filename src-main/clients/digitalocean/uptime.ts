// DigitalOcean Uptime checks (uptime:read/create/update/delete) and Monitoring alert policies
// (monitoring:read/create/update/delete), typed from the official OpenAPI description, on the
// same transport as the rest of the DigitalOcean client (retries of reads only, the request budget,
// errors without the token).
import { RestClient } from '../http/restClient';
import type { DigitalOceanClientOptions } from './client';
import type { components } from './generated';

export type UptimeCheck = components['schemas']['check'];
export type UptimeCheckState = components['schemas']['state'];
export type UptimeAlert = components['schemas']['alert'];
export type AlertPolicy = components['schemas']['alert_policy'];
export type AlertPolicyRequest = components['schemas']['alert_policy_request'];
export type UptimeRegion = NonNullable<UptimeCheck['regions']>[number];

/** What a new check needs: the fields godo sends (the spec's `method` names no property). */
export type NewUptimeCheck = Required<Pick<UptimeCheck, 'name' | 'type' | 'target' | 'regions' | 'enabled'>>;
export type NewUptimeAlert = Required<Pick<UptimeAlert, 'name' | 'type' | 'notifications' | 'period'>> &
  Pick<UptimeAlert, 'threshold' | 'comparison'>;

const checkPath = (id: string) => `/v2/uptime/checks/${encodeURIComponent(id)}`;
const policyPath = (uuid: string) => `/v2/monitoring/alerts/${encodeURIComponent(uuid)}`;

export class UptimeClient {
  private readonly rest: RestClient;

  constructor(options: DigitalOceanClientOptions) {
    this.rest = new RestClient({ ...options, service: 'DigitalOcean' });
  }

  listUptimeChecks(): Promise<UptimeCheck[]> {
    return this.rest.getAllPages<UptimeCheck>('/v2/uptime/checks', 'checks');
  }

  async getUptimeCheckState(id: string): Promise<UptimeCheckState> {
    const body = this.rest.expectObject(await this.rest.request<unknown>('GET', `${checkPath(id)}/state`), 'state');
    return this.rest.expectObject(body.state ?? {}, 'state');
  }

  listUptimeAlerts(id: string): Promise<UptimeAlert[]> {
    return this.rest.getAllPages<UptimeAlert>(`${checkPath(id)}/alerts`, 'alerts');
  }

  // Mutations are never retried by the transport: a caller that loses the answer re-reads the
  // list (by target) before trying again, so a lost answer never makes a second check.

  async createUptimeCheck(check: NewUptimeCheck): Promise<UptimeCheck> {
    const body = this.rest.expectObject(
      await this.rest.request<unknown>('POST', '/v2/uptime/checks', { body: check }),
      'check',
    );
    return this.rest.expectObject(body.check, 'check');
  }

  async deleteUptimeCheck(id: string): Promise<void> {
    await this.rest.request('DELETE', checkPath(id));
  }

  async createUptimeAlert(checkId: string, alert: NewUptimeAlert): Promise<UptimeAlert> {
    const body = this.rest.expectObject(
      await this.rest.request<unknown>('POST', `${checkPath(checkId)}/alerts`, { body: alert }),
      'alert',
    );
    return this.rest.expectObject(body.alert, 'alert');
  }

  listAlertPolicies(): Promise<AlertPolicy[]> {
    return this.rest.getAllPages<AlertPolicy>('/v2/monitoring/alerts', 'policies');
  }

  async getAlertPolicy(uuid: string): Promise<AlertPolicy> {
    const body = this.rest.expectObject(await this.rest.request<unknown>('GET', policyPath(uuid)), 'policy');
    return this.rest.expectObject(body.policy, 'policy') as AlertPolicy;
  }

  /** PUT replaces the policy: send every field it should keep. */
  async updateAlertPolicy(uuid: string, policy: AlertPolicyRequest): Promise<AlertPolicy> {
    const body = this.rest.expectObject(
      await this.rest.request<unknown>('PUT', policyPath(uuid), { body: policy }),
      'policy',
    );
    return this.rest.expectObject(body.policy, 'policy') as AlertPolicy;
  }

  /** Who the token belongs to: an uptime alert goes to the account's own (verified) email. */
  async accountEmail(): Promise<string | undefined> {
    const body = this.rest.expectObject(await this.rest.request<unknown>('GET', '/v2/account'), 'account');
    const email = (body.account as { email?: unknown } | undefined)?.email;
    return typeof email === 'string' ? email : undefined;
  }
}
