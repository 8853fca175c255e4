/**
 * restify server: POST /api/messages (the bot), GET /healthz, GET /readyz and feature routes (.ics links).
 *
 * /api/messages does not use CloudAdapter.process: on a failed token check that answers 500 with the
 * internal error text in the body. Here every failure maps to a bare status: bad request 400, bad or missing
 * token 401, refused tenant 403, anything unexpected 500 with only a reference id.
 */
import { randomUUID } from 'node:crypto';
import restify from 'restify';
import type { WijkbotAdapter } from '../teams/adapter';
import type { Activity } from 'botbuilder';
import type { Logger } from '../log';
import { OUTCOME_KEY, type TurnOutcome, type WijkbotTeamsApp } from '../teams/app';
import type { HttpRoute } from '../teams/featureModule';
import { AuthFailureLog } from './authFailureLog';

/** Teams messages are at most ~100 KB; a request far above that is not from Teams. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface HttpDeps {
  adapter: WijkbotAdapter;
  teamsApp: WijkbotTeamsApp;
  log: Logger;
  authEnabled: boolean;
  routes: HttpRoute[];
  health: () => Promise<Record<string, unknown>>;
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

export function createHttpServer(deps: HttpDeps): restify.Server {
  const server = restify.createServer({ name: 'wijkbot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  // restify's own errors (invalid JSON, too large, wrong content type) keep their 4xx status, without detail
  server.on('restifyError', (req, res, err, callback) => {
    err.toJSON = () => ({ error: err.statusCode && err.statusCode < 500 ? 'bad request' : 'internal error' });
    return callback();
  });

  const authFailures = new AuthFailureLog(deps.log);
  server.post('/api/messages', async (req, res) => {
    const body = req.body as unknown;
    if (!isActivityShape(body)) {
      res.send(400, { error: 'not a Bot Framework activity' });
      return;
    }
    const outcome: TurnOutcome = {};
    let logicStarted = false;
    try {
      const auth = String(req.headers.authorization ?? '');
      const invoke = await deps.adapter.processAuthenticated(auth, body as Activity, async (context) => {
        logicStarted = true;
        context.turnState.set(OUTCOME_KEY, outcome);
        await deps.teamsApp.handleTurn(context);
      });
      if (outcome.rejected) {
        res.send(403, { error: 'tenant not allowed' });
        return;
      }
      if (invoke?.body !== undefined) res.send(invoke.status, invoke.body);
      else res.send(invoke?.status ?? 200);
    } catch (err) {
      const e = err as { name?: string; statusCode?: number; message?: string };
      if (!logicStarted && (e.statusCode === 401 || e.name === 'AuthenticationError' || deps.authEnabled)) {
        // token missing, malformed, expired, for another bot, or its keys could not be fetched
        authFailures.refused(e.message);
        res.send(401);
        return;
      }
      const ref = randomUUID().slice(0, 8);
      deps.log.error({ ref, err: e.message }, 'unhandled error while processing an activity');
      res.send(500, { error: 'internal error', ref });
    }
  });

  server.get('/healthz', async (_req, res) => {
    try {
      res.send(200, { status: 'ok', ...(await deps.health()) });
    } catch {
      res.send(503, { status: 'unavailable' });
    }
  });
  server.get('/readyz', async (_req, res) => {
    try {
      res.send(200, { status: 'ready', ...(await deps.health()) });
    } catch {
      res.send(503, { status: 'unavailable' });
    }
  });

  for (const route of deps.routes) {
    server.get(route.path, async (req, res) => {
      try {
        const out = await route.handler(req.params as Record<string, string>);
        res.writeHead(out.status, { 'Content-Type': out.contentType, ...(out.headers ?? {}) });
        res.end(out.body);
      } catch (err) {
        const ref = randomUUID().slice(0, 8);
        deps.log.error({ ref, err: (err as Error).message, route: route.path }, 'route failed');
        res.send(500, { error: 'internal error', ref });
      }
    });
  }
  return server;
}
