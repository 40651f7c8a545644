// DELETE /v2/apps/{id} in the sandbox cloud: the app goes with everything the sandbox keeps for it.
// The spec says only that "all active deployments will be permanently shut down and the app
// deleted"; what follows from that here:
// - its deployments end with the record (a running one is canceled first, so the deploy engine
//   forgets its plan), and with them its logs: archives are derived from the deployments, and a
//   live log socket of the app is closed by the log hub's next tick ("deployment not found");
// - its custom domains are the record's own (app.domains), so its hostnames stop answering at the
//   HTTPS edge and its default ingress host goes NXDOMAIN, as answers.ts does for a deleted app;
// - its alerts' destinations and failures are dropped from the alert book.
// Records in the account's DNS zones that point at the app are not touched: App Platform does not
// document removing them, and the real Domains API keeps a record until it is deleted itself.
import { isTerminalPhase } from '../clients/digitalocean/types';
import { cancelDeployment } from './deployEngine';
import { alertBook, presentAlerts } from './routes/alerts';
import type { AppRecord, SandboxState } from './state';

export function removeAppRecord(state: SandboxState, record: AppRecord): void {
  for (const deployment of record.deployments)
    if (!isTerminalPhase(deployment.phase)) cancelDeployment(state, deployment);
  const book = alertBook(state);
  for (const alert of presentAlerts(state, record)) book.delete(alert.id!);
  state.apps.delete(record.app.id!);
}
