import type { Express } from 'express';
import { listen, type RunningServer } from '../../lib/http.ts';
import { createStandInApp, jsonErrorHandler, type StandInBaseOptions } from '../common/app.ts';
import { aktivitetRoutes } from './aktivitet-routes.ts';
import { dialogRoutes } from './dialog-routes.ts';
import { errorForPath, unauthorized } from './errors.ts';
import { oppfolgingRoutes } from './oppfolging-routes.ts';
import { portefoljeRoutes } from './portefolje-routes.ts';
import { loadNavState, type NavState } from './state.ts';
import { tilgangRoutes } from './tilgang-routes.ts';
import { vedtakRoutes } from './vedtak-routes.ts';

/** The stand-in's options: those of every stand-in (fixtures, clock, latency, token check). */
export type NavStandInOptions = StandInBaseOptions;

/** Builds the express app and its in-memory state (tests assert on `state`). */
export async function createNavStandIn(options: NavStandInOptions = {}): Promise<{ app: Express; state: NavState }> {
  const state = await loadNavState({ fixturesDir: options.fixturesDir, now: options.now });
  // NAV echoes no correlation header: the services log Nav-Call-Id and answer without it.
  const app = createStandInApp({ latencyMs: options.latencyMs, jwksUrl: options.jwksUrl, audience: options.audience, unauthorized });
  app.use(aktivitetRoutes(state));
  app.use(dialogRoutes(state));
  app.use(oppfolgingRoutes(state));
  app.use(vedtakRoutes(state));
  app.use(portefoljeRoutes(state));
  app.use(tilgangRoutes(state));
  app.use(jsonErrorHandler((res, message) => errorForPath(res.req, res, state.now, 400, message)));
  return { app, state };
}

/** Starts it on a port (0 = free port). */
export async function startNavStandIn(options: NavStandInOptions & { port: number }): Promise<RunningServer & { state: NavState }> {
  const { app, state } = await createNavStandIn(options);
  const server = await listen(app, options.port);
  return { port: server.port, url: server.url, close: server.close, state };
}
