import { DeviceView, ProvenFactor } from '@app/contracts';
import { z } from 'zod';
import { Instant } from '../http/answers.decorator';
import { SessionRecord } from '../session/session';
import { SessionSighting } from '../session/session-sightings';

/** A web session or a mobile device, as the user's sessions list shows it. */
export const SessionSummary = z.object({
  id: z.string().meta({ description: 'A web session id, or a mobile device id (a UUID)' }),
  kind: z.enum(['web', 'mobile']),
  createdAt: Instant,
  lastSeenAt: Instant,
  current: z.boolean().meta({ description: 'The session (or device) this request comes from' }),
  device: z.string().nullable().meta({ description: 'Browser and system of a web session ("Chrome · Linux"); null for a mobile device or before it was noted' }),
  address: z.string().nullable().meta({ description: 'The client address a web session was last used from; null for a mobile device' }),
  endableHere: z.boolean().meta({
    description:
      "Whether this host may end it (DELETE /api/me/sessions/:id): every web session it lists, and a mobile device on the easy access host " +
      "and in the app; not a device on a company's host, since the app serves all her firms (that firm would sign her out of the others)",
  }),
  factors: z.array(ProvenFactor).meta({
    description: 'What the sign-in that opened it proved, first factor first (a session the user did not open with their passkey stands out), then any second factor given later in it (POST /api/me/reauthenticate); empty for a session older than the record of factors',
  }),
});
export type SessionSummary = z.output<typeof SessionSummary>;

export function webSessionSummary(
  id: string,
  session: SessionRecord,
  sighting: SessionSighting | undefined,
  currentId: string,
): SessionSummary {
  return {
    id,
    kind: 'web',
    createdAt: new Date(session.createdAt).toISOString(),
    lastSeenAt: new Date(session.lastSeenAt).toISOString(),
    current: id === currentId,
    device: sighting?.device ?? null,
    address: sighting?.address ?? null,
    endableHere: true,
    factors: session.factors,
  };
}

export function mobileDeviceSummary(device: DeviceView, currentDeviceId: string | null, endableHere: boolean): SessionSummary {
  return {
    id: device.id,
    kind: 'mobile',
    createdAt: device.createdAt,
    lastSeenAt: device.lastUsedAt,
    current: device.id === currentDeviceId,
    device: null,
    address: null,
    endableHere,
    factors: device.factors,
  };
}
