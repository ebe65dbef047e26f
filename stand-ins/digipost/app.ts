import type { Express, NextFunction, Request, Response } from 'express';
import { listen, type RunningServer } from '../../lib/http.ts';
import { createStandInApp, jsonErrorHandler, type StandInBaseOptions } from '../common/app.ts';
import { digipostError, digipostUnauthorized } from './errors.ts';
import { documentRoutes } from './routes/documents.ts';
import { identificationRoutes } from './routes/identification.ts';
import { messageRoutes } from './routes/messages.ts';
import { loadDigipostState, type DigipostState } from './state.ts';

/** The stand-in's options: those of every stand-in (fixtures, clock, latency, token check). */
export type DigipostStandInOptions = StandInBaseOptions;

/** Builds the express app and its in-memory state (tests assert on `state`). */
export async function createDigipostStandIn(options: DigipostStandInOptions = {}): Promise<{ app: Express; state: DigipostState }> {
  const now = options.now ?? (() => new Date());
  const state = await loadDigipostState({ fixturesDir: options.fixturesDir, now: now() });
  const app = createStandInApp({
    latencyMs: options.latencyMs,
    jwksUrl: options.jwksUrl,
    audience: options.audience,
    echoHeader: 'X-Correlation-ID',
    unauthorized: digipostUnauthorized,
  });
  app.use(identificationRoutes(state));
  app.use(messageRoutes(state, now));
  app.use(documentRoutes(state, now));
  app.use((_req: Request, res: Response) => digipostError(res, 404, 'CLIENT_ERROR', 'No such resource.', 'CLIENT_TECHNICAL'));
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    // body-parser's limit: the façade's letters travel in the JSON body.
    if (err && typeof err === 'object' && (err as { type?: string }).type === 'entity.too.large') {
      return digipostError(res, 413, 'FILE_TOO_LARGE', 'The message is too large.');
    }
    jsonErrorHandler((r, message) => digipostError(r, 400, 'SCHEMA_VALIDATION_ERROR', message))(err, req, res, next);
  });
  return { app, state };
}

/** Starts it on a port (0 = free port). */
export async function startDigipostStandIn(
  options: DigipostStandInOptions & { port: number },
): Promise<RunningServer & { state: DigipostState }> {
  const { app, state } = await createDigipostStandIn(options);
  const server = await listen(app, options.port);
  return { port: server.port, url: server.url, close: server.close, state };
}
