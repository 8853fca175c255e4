/**
 * restify server: POST /api/messages (the bot), GET /healthz, GET /readyz, GET /metrics and feature routes
 * (.ics links).
 *
 * The server listens as soon as the process starts (createHttpServer), so a starting instance answers
 * /healthz (alive) and 503 on /readyz; the bot itself is mounted when the database and features are ready
 * (mountBot). Until then /api/messages answers 503 with Retry-After.
 *
 * /api/messages does not use CloudAdapter.process: on a failed token check that answers 500 with the
 * internal error text in the body. Here every failure maps to a bare status: bad request 400, bad or missing
 * token 401, refused tenant 403, a token that could not be checked now (the token service's keys
 * unavailable) 503 with Retry-After, anything unexpected 500 with only a reference id.
 */
import { randomUUID } from 'node:crypto';
import restify from 'restify';
import type { WijkbotAdapter } from '../teams/adapter';
import type { Activity } from 'botbuilder';
import type { Logger } from '../log';
import type { WijkbotTeamsApp } from '../teams/app';
import { OUTCOME_KEY, type TurnOutcome } from '../teams/turnOutcome';
import type { HttpRoute } from '../teams/featureModule';
import type { TurnResult, WijkbotMetrics } from '../metrics/metrics';
import { metricsAccess } from '../metrics/access';
import { turnKind } from '../metrics/turnKind';
import type { Health } from '../ops/health';
import { AuthFailureLog, refusalBeforeTurn } from './authFailureLog';

/** Seconds a sender is asked to wait when a token could not be checked (a token-service outage is seldom shorter). */
const CANNOT_CHECK_RETRY_AFTER_S = 30;

/** Teams messages are at most ~100 KB; a request far above that is not from Teams. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface HttpDeps {
  log: Logger;
  health: Health;
  metrics: WijkbotMetrics;
  /** bearer token for /metrics; without it only loopback clients are served */
  metricsToken?: string;
}

/** What the server needs to serve the bot; mounted once the database and the features are ready. */
export interface BotDeps {
  adapter: WijkbotAdapter;
  teamsApp: WijkbotTeamsApp;
  authEnabled: boolean;
  routes: HttpRoute[];
}

export interface WijkbotHttpServer {
  server: restify.Server;
  mountBot(bot: BotDeps): void;
}

function isActivityShape(body: unknown): body is Partial<Activity> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const a = body as Record<string, unknown>;
  const obj = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v);
  return (
    typeof a.type === 'string' && a.type.length > 0 && a.type.length < 64 &&
    typeof a.serviceUrl === 'string' && /^https?:\/\//.test(a.serviceUrl) &&
    obj(a.conversation) && typeof (a.conversation as { id?: unknown }).id === 'string' &&
    obj(a.from) && typeof (a.from as { id?: unknown }).id === 'string' &&
    (a.text === undefined || typeof a.text === 'string')
  );
}

export function createHttpServer(deps: HttpDeps): WijkbotHttpServer {
  let bot: BotDeps | null = null;
  const server = restify.createServer({ name: 'wijkbot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  // restify's own errors (invalid JSON, too large, wrong content type) keep their 4xx status, without detail
  server.on('restifyError', (req, res, err, callback) => {
    err.toJSON = () => ({ error: err.statusCode && err.statusCode < 500 ? 'bad request' : 'internal error' });
    return callback();
  });

  const authFailures = new AuthFailureLog(deps.log);
  server.post('/api/messages', async (req, res) => {
    const started = process.hrtime.bigint();
    const body = req.body as unknown;
    const outcome: TurnOutcome = {};
    const answer = (status: number, payload?: unknown) => {
      if (payload === undefined) res.send(status);
      else res.send(status, payload);
      const kind = turnKind(body as { type?: unknown; name?: unknown });
      deps.metrics.turn(kind, outcome.route ?? 'none', outcome.result ?? resultOf(status), Number(process.hrtime.bigint() - started) / 1e9);
    };
    if (!bot) {
      res.header('Retry-After', '5');
      res.send(503, { error: 'starting' });
      return;
    }
    if (!isActivityShape(body)) {
      answer(400, { error: 'not a Bot Framework activity' });
      return;
    }
    let logicStarted = false;
    try {
      const auth = String(req.headers.authorization ?? '');
      const teamsApp = bot.teamsApp;
      const invoke = await bot.adapter.processAuthenticated(auth, body as Activity, async (context) => {
        logicStarted = true;
        context.turnState.set(OUTCOME_KEY, outcome);
        await teamsApp.handleTurn(context);
      });
      if (outcome.rejected) {
        outcome.result = 'tenant_refused';
        answer(403, { error: 'tenant not allowed' });
        return;
      }
      if (invoke?.body !== undefined) answer(invoke.status, invoke.body);
      else answer(invoke?.status ?? 200);
    } catch (err) {
      const e = err as { name?: string; statusCode?: number; message?: string };
      if (!logicStarted && bot.authEnabled && refusalBeforeTurn(err) === 'cannot-check') {
        // the token service's signing keys could not be loaded, or the reply's client not built: nothing ran
        authFailures.couldNotCheck(e.message);
        res.header('Retry-After', String(CANNOT_CHECK_RETRY_AFTER_S));
        answer(503, { error: 'temporarily unavailable' });
        return;
      }
      if (!logicStarted && (e.statusCode === 401 || e.name === 'AuthenticationError' || bot.authEnabled)) {
        // token missing, malformed, expired, or for another bot
        authFailures.refused(e.message);
        answer(401);
        return;
      }
      const ref = randomUUID().slice(0, 8);
      deps.log.error({ ref, err: e.message }, 'unhandled error while processing an activity');
      answer(500, { error: 'internal error', ref });
    }
  });

  server.get('/healthz', async (_req, res) => {
    const { status, body } = await deps.health.liveness().catch(() => ({ status: 503, body: { status: 'unhealthy' } }));
    res.send(status, body);
  });
  server.get('/readyz', async (_req, res) => {
    const { status, body } = await deps.health.readiness().catch(() => ({ status: 503, body: { status: 'not ready' } }));
    res.send(status, body);
  });
  server.get('/metrics', async (req, res) => {
    const access = metricsAccess(req.headers.authorization, req.socket.remoteAddress, deps.metricsToken);
    if (access === 'not_loopback') return void res.send(403, { error: 'metrics are served on loopback only; set METRICS_TOKEN to scrape from elsewhere' });
    if (access !== 'allowed') {
      res.header('WWW-Authenticate', 'Bearer');
      return void res.send(401, { error: 'bearer token required' });
    }
    try {
      const { contentType, body } = await deps.metrics.render();
      res.writeHead(200, { 'Content-Type': contentType });
      res.end(body);
    } catch (err) {
      deps.log.error({ err: (err as Error).message }, 'metrics could not be collected');
      res.send(500, { error: 'internal error' });
    }
  });

  return {
    server,
    mountBot(mounted: BotDeps) {
      mountFeatureRoutes(server, mounted.routes, deps.log);
      bot = mounted;
    },
  };
}

/** The result label of a turn that did not say otherwise, from its HTTP status. */
function resultOf(status: number): TurnResult {
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'tenant_refused';
  if (status >= 500) return 'server_error';
  return 'ok';
}

function mountFeatureRoutes(server: restify.Server, routes: HttpRoute[], log: Logger): void {
  for (const route of routes) {
    server.get(route.path, async (req, res) => {
      try {
        const out = await route.handler(req.params as Record<string, string>);
        res.writeHead(out.status, { 'Content-Type': out.contentType, ...(out.headers ?? {}) });
        res.end(out.body);
      } catch (err) {
        const ref = randomUUID().slice(0, 8);
        log.error({ ref, err: (err as Error).message, route: route.path }, 'route failed');
        res.send(500, { error: 'internal error', ref });
      }
    });
  }
}
