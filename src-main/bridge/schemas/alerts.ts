// Request schemas of the alerts domain.
import { z } from 'zod';
import type { AlertsMethods, AlertsStreams } from '../../../src-preload/contract';
import type { MethodSchemas, StreamSchemas } from './types';
import { appId } from './shared';

const alertId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'an alert id is letters, digits and dashes');
// The API refuses emails of people without access to the app; the shape is all that is checked here.
const email = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an email address such as ops@example.com');

export const alertsMethodSchemas = {
  listAppAlerts: z.strictObject({ appId }),
  getFleetAlerts: z.strictObject({ appIds: z.array(appId).max(5000, 'at most 5,000 apps at once') }),
  setAlertEmails: z.strictObject({ appId, alertId, emails: z.array(email).max(50) }),
} satisfies MethodSchemas<AlertsMethods>;

export const alertsStreamSchemas = {} satisfies StreamSchemas<AlertsStreams>;
