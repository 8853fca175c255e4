/**
 * What a turn tells the HTTP layer (metrics, 403), kept in its own leaf module so the HTTP server can be
 * loaded and listening before teams-ai and botbuilder are (see src/index.ts: /healthz answers while the
 * rest loads).
 */
import type { TurnResult } from '../metrics/metrics';

export interface TurnOutcome {
  /** set when the tenant is not allowed: the HTTP layer answers 403 */
  rejected?: boolean;
  /** for metrics: the command name or card verb from the route table that took the turn (never user text) */
  route?: string;
  /** for metrics: how the turn ended, when the HTTP status does not say it */
  result?: TurnResult;
}

export const OUTCOME_KEY = Symbol('wijkbot.turnOutcome');
