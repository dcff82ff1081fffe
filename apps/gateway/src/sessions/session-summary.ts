import { DeviceView, ProvenFactor } from '@app/contracts';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { SessionRecord } from '../session/session';
import { SessionSighting } from './session-sightings';

/** A web session or a mobile device, as the user's sessions list shows it. */
export interface SessionSummary {
  id: string;
  kind: 'web' | 'mobile';
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
  /** Browser and system of a web session ("Chrome · Linux"), null for a mobile device or before it was noted. */
  device: string | null;
  /** The client address a web session was last used from; null for a mobile device. */
  address: string | null;
  /** What the sign-in that opened it proved: a session the user did not open with their passkey stands out. */
  factors: ProvenFactor[];
}

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
    factors: session.factors,
  };
}

export function mobileDeviceSummary(device: DeviceView, currentDeviceId: string | null): SessionSummary {
  return {
    id: device.id,
    kind: 'mobile',
    createdAt: device.createdAt,
    lastSeenAt: device.lastUsedAt,
    current: device.id === currentDeviceId,
    device: null,
    address: null,
    factors: device.factors,
  };
}

export const SESSION_SUMMARY_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'A web session id, or a mobile device id (a UUID)' },
    kind: { type: 'string', enum: ['web', 'mobile'] },
    createdAt: { type: 'string', format: 'date-time' },
    lastSeenAt: { type: 'string', format: 'date-time' },
    current: { type: 'boolean', description: 'The session (or device) this request comes from' },
    device: { type: 'string', nullable: true, description: 'Browser and system of a web session, e.g. "Chrome · Linux"' },
    address: { type: 'string', nullable: true, description: 'The address a web session was last used from' },
    factors: {
      type: 'array',
      items: { type: 'string', enum: ProvenFactor.options },
      description:
        'What opened it, first factor first: ["password", "totp"], ["passkey"] (a passkey stands for two), ["google"]...; ' +
        'empty for a session opened before factors were recorded',
    },
  },
  required: ['id', 'kind', 'createdAt', 'lastSeenAt', 'current', 'device', 'address', 'factors'],
};
