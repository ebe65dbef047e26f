import { Router, type Express, type NextFunction, type Request, type Response } from 'express';
import { createStandInApp, jsonErrorHandler, type StandInBaseOptions } from '../common/app.ts';
import { loadFixture } from '../common/fixtures.ts';
import { listen, type RunningServer } from '../../lib/http.ts';
import { sendNotFound, sendProblem, sendUnauthorized } from './problem.ts';
import { stateFromFixture, type KarrieresenterFixture, type KarrieresenterState } from './state.ts';
import { bookingChangeRoutes } from './routes/booking-changes.ts';
import { bookingCreateRoutes } from './routes/booking-create.ts';
import { bookingReadRoutes } from './routes/bookings.ts';
import { centreRoutes } from './routes/centres.ts';
import type { RouteContext } from './routes/context.ts';
import { noteRoutes } from './routes/notes.ts';
import { reportRoutes } from './routes/reports.ts';
import { sharingRoutes } from './routes/sharing.ts';

/** The stand-in's options: those of every stand-in (fixtures, clock, latency, token check). */
export type KarrieresenterStandInOptions = StandInBaseOptions;

/** Builds the express app and its in-memory state (tests assert on `state`). */
export async function createKarrieresenterStandIn(options: KarrieresenterStandInOptions = {}): Promise<{ app: Express; state: KarrieresenterState }> {
  const now = options.now ?? (() => new Date());
  const fixture = await loadFixture<KarrieresenterFixture>('karrieresenter', { dir: options.fixturesDir, now: now() });
  const state = stateFromFixture(fixture);
  const app = createStandInApp({
    latencyMs: options.latencyMs,
    jwksUrl: options.jwksUrl,
    audience: options.audience,
    echoHeader: 'X-Correlation-ID',
    unauthorized: sendUnauthorized,
  });
  const context: RouteContext = { state, now };
  const api = Router();
  api.use(centreRoutes(context));
  api.use(bookingCreateRoutes(context));
  api.use(bookingReadRoutes(context));
  api.use(bookingChangeRoutes(context));
  api.use(noteRoutes(context));
  api.use(sharingRoutes(context));
  api.use(reportRoutes(context));
  // The contract's server URL ends in /api/v1; the stack passes the bare origin. Both bases work.
  app.use('/api/v1', api);
  app.use(api);
  app.use((_req: Request, res: Response) => sendNotFound(res, 'Resource'));
  app.use(jsonErrorHandler((res, message) => sendProblem(res, 400, 'VALIDATION_FAILED', message)));
  // Last resort: the system's own 500 shape, without echoing the error (it may hold request data).
  app.use((_err: unknown, _req: Request, res: Response, _next: NextFunction) => sendProblem(res, 500, 'INTERNAL_ERROR', 'Unexpected error.'));
  return { app, state };
}

/** Starts it on a port (0 = free port). */
export async function startKarrieresenterStandIn(options: KarrieresenterStandInOptions & { port: number }): Promise<RunningServer & { state: KarrieresenterState }> {
  const { app, state } = await createKarrieresenterStandIn(options);
  const server = await listen(app, options.port);
  return { port: server.port, url: server.url, close: server.close, state };
}
