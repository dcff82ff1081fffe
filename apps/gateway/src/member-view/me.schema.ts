/**
 * `Me` as JSON Schema, for Fastify to compile its serializer: every portal page
 * asks for it, and a compiled serializer writes it faster than JSON.stringify.
 * It also lets out nothing that is not in `Me`.
 */
const named = {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' } },
  required: ['id', 'name'],
} as const;

const portal = {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' }, url: { type: 'string' } },
  required: ['id', 'name', 'url'],
} as const;

export const ME_SCHEMA = {
  type: 'object',
  properties: {
    user: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        totpEnabled: { type: 'boolean' },
        google: { type: 'boolean' },
      },
      required: ['id', 'email', 'name', 'totpEnabled', 'google'],
    },
    role: { type: 'string' },
    portal,
    portals: { type: 'array', items: portal },
    account: { ...named, nullable: true },
    accounts: { type: 'array', items: named },
    banner: {
      type: 'object',
      nullable: true,
      properties: { account: named, dismissed: { type: 'boolean' } },
      required: ['account', 'dismissed'],
    },
    idleMinutes: {
      type: 'integer',
      nullable: true,
      description: "Minutes without a request that end this web session (the company's or the deployment's): the portal warns a minute before",
    },
  },
  required: ['user', 'role', 'portal', 'portals', 'account', 'accounts', 'banner', 'idleMinutes'],
} as const;
