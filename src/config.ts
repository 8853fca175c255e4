/**
 * Every setting, its default and its validation in one place. A wrong value stops the bot with one
 * clear line naming the variable (see loadConfig's caller in index.ts).
 */
import path from 'node:path';
import { z } from 'zod/v4';

const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    // unset: every interface with credentials, loopback only in anonymous development mode (see loadConfig)
    HOST: z.string().min(1).optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    // PostgreSQL shared by several instances (postgresql://user:pass@host:5432/db); unset: embedded SQLite in DATA_DIR
    DATABASE_URL: z
      .string()
      .optional()
      .transform((v) => v?.trim() || undefined)
      .refine((v) => v === undefined || /^postgres(ql)?:\/\/./.test(v), 'moet een postgresql://-URL zijn (of leeg voor de ingebouwde database)'),
    SEED_DEMO: z.enum(['true', 'false', 'auto']).default('auto'),
    MicrosoftAppId: z.string().optional(),
    MicrosoftAppPassword: z.string().optional(),
    MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).optional(),
    MicrosoftAppTenantId: z.string().optional(),
    ALLOWED_TENANTS: csv,
    ADMINS: csv,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Where the bot says it lives, for .ics links on cards. Defaults to the local address.
    PUBLIC_BASE_URL: z.string().url().optional(),
    // Secret for unguessable links (.ics) and anonymous-poll ballots; generated into DATA_DIR when unset.
    // empty counts as unset (an `APP_SECRET=` line in a compose file): the generated secret is used then
    APP_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z
      .string()
      .refine((v) => Buffer.byteLength(v, 'utf8') >= 32, 'is korter dan 32 bytes; kies een willekeurige waarde, bijvoorbeeld uit `openssl rand -hex 32`')
      .optional()),
    JOBS_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(15_000),
    // how long a claimed job belongs to its instance; a job of an instance that died runs again after it
    JOBS_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(5 * 60_000),
    TZ_DISPLAY: z.string().default('Europe/Amsterdam'),
    // Operations (docs/OPERATIONS.md): /metrics for scrapers elsewhere than loopback, nightly back-ups.
    METRICS_TOKEN: z.string().min(32, 'moet minstens 32 tekens zijn (bijv. openssl rand -hex 32)').optional(),
    BACKUP_DIR: z.string().min(1).optional(),
    BACKUP_KEEP: z.coerce.number().int().min(0).max(1000).default(14),
  })
  .superRefine((c, ctx) => {
    const creds = [c.MicrosoftAppId, c.MicrosoftAppPassword].filter(Boolean).length;
    if (creds === 1) {
      ctx.addIssue({ code: 'custom', path: [c.MicrosoftAppId ? 'MicrosoftAppPassword' : 'MicrosoftAppId'], message: 'MicrosoftAppId en MicrosoftAppPassword horen samen: zet beide of geen van beide' });
    }
    if (c.MicrosoftAppId && !guid.test(c.MicrosoftAppId)) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppId'], message: 'moet een GUID zijn' });
    }
    if (c.MicrosoftAppType === 'SingleTenant' && c.MicrosoftAppId && !c.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is verplicht bij MicrosoftAppType=SingleTenant' });
    }
    for (const t of c.ALLOWED_TENANTS) {
      if (!guid.test(t)) ctx.addIssue({ code: 'custom', path: ['ALLOWED_TENANTS'], message: `"${t}" is geen tenant-GUID` });
    }
    for (const a of c.ADMINS) {
      if (!guid.test(a)) ctx.addIssue({ code: 'custom', path: ['ADMINS'], message: `"${a}" is geen Entra object-id (GUID)` });
    }
  });

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseFile: string;
  /** PostgreSQL connection URL (several instances share it); undefined: the embedded SQLite file */
  databaseUrl?: string;
  seedDemo: 'true' | 'false' | 'auto';
  auth: {
    appId?: string;
    appPassword?: string;
    appType?: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
    tenantId?: string;
    /** botbuilder endpoint overrides (OpenID metadata, issuers); only tests and sovereign clouds set them */
    endpointOverrides: Record<string, string>;
  };
  /** empty = every tenant (development); otherwise only these */
  allowedTenants: string[];
  admins: string[];
  logLevel: string;
  publicBaseUrl?: string;
  appSecret?: string;
  jobsPollMs: number;
  jobsLeaseMs: number;
  /** bearer token for GET /metrics; without it only loopback clients may scrape */
  metricsToken?: string;
  /** nightly back-ups of the embedded database: where, and how many are kept (0 = none) */
  backup: { dir: string; keep: number };
}

/** botbuilder's own option names, passed through unchanged (see teams-testing.md, "Authentication, offline"). */
const BOTBUILDER_ENDPOINT_KEYS = [
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromChannelTokenIssuer',
  'ToBotFromEmulatorOpenIdMetadataUrl',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
  'OAuthUrl',
  'CallerId',
  'ValidateAuthority',
] as const;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Ongeldige configuratie: ${issue.path.join('.') || '?'} ${issue.message}`);
  }
  const c = parsed.data;
  const endpointOverrides: Record<string, string> = {};
  for (const key of BOTBUILDER_ENDPOINT_KEYS) {
    const v = env[key];
    if (v) endpointOverrides[key] = v;
  }
  // The tenant that owns a single-tenant registration is the natural allow-list.
  const allowedTenants = c.ALLOWED_TENANTS.length
    ? c.ALLOWED_TENANTS
    : c.MicrosoftAppTenantId && c.MicrosoftAppId
      ? [c.MicrosoftAppTenantId]
      : [];
  const dataDir = path.resolve(c.DATA_DIR);
  // Without credentials nobody's token is checked: anyone who can reach the port can act as anyone. Such a
  // bot listens on this machine only, unless HOST says otherwise on purpose (a dev container, a tunnel).
  const anonymous = !(c.MicrosoftAppId && c.MicrosoftAppPassword);
  return {
    port: c.PORT,
    host: c.HOST ?? (anonymous ? '127.0.0.1' : '0.0.0.0'),
    dataDir,
    databaseFile: path.join(dataDir, 'wijkbot.db'),
    databaseUrl: c.DATABASE_URL,
    seedDemo: c.SEED_DEMO,
    auth: {
      appId: c.MicrosoftAppId || undefined,
      appPassword: c.MicrosoftAppPassword || undefined,
      appType: c.MicrosoftAppType,
      tenantId: c.MicrosoftAppTenantId || undefined,
      endpointOverrides,
    },
    allowedTenants: allowedTenants.map((t) => t.toLowerCase()),
    admins: c.ADMINS.map((a) => a.toLowerCase()),
    logLevel: c.LOG_LEVEL,
    publicBaseUrl: c.PUBLIC_BASE_URL,
    appSecret: c.APP_SECRET,
    jobsPollMs: c.JOBS_POLL_MS,
    jobsLeaseMs: c.JOBS_LEASE_MS,
    metricsToken: c.METRICS_TOKEN,
    backup: { dir: path.resolve(c.BACKUP_DIR ?? path.join(dataDir, 'backups')), keep: c.BACKUP_KEEP },
  };
}

export function isAuthEnabled(config: Config): boolean {
  return Boolean(config.auth.appId && config.auth.appPassword);
}
