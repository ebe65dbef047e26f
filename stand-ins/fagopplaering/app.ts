import { Router, type Express, type Request, type Response } from 'express';
import { listen, type RunningServer } from '../../lib/http.ts';
import { createStandInApp, jsonErrorHandler, type StandInBaseOptions } from '../common/app.ts';
import type { PrintRecipient } from '../digipost/types.ts';
import { loadPrintAddresses } from './printAddresses.ts';
import { problem, unauthorized } from './problem.ts';
import { grunnlagRoutes } from './routes/grunnlag.ts';
import { kartleggingRoutes } from './routes/kartlegginger.ts';
import { kartleggingStatusRoutes } from './routes/kartleggingStatus.ts';
import { laereplanRoutes } from './routes/laereplan.ts';
import { opplaeringsdataRoutes } from './routes/opplaeringsdata.ts';
import { opplaeringsplanRoutes } from './routes/opplaeringsplaner.ts';
import { samtykkeRoutes } from './routes/samtykke.ts';
import { sendPlanRoutes } from './routes/sendPlan.ts';
import { statistikkRoutes } from './routes/statistikk.ts';
import { loadFagopplaeringState, type FagopplaeringState } from './state.ts';

export interface FagopplaeringStandInOptions extends StandInBaseOptions {
  /** Base URL of Digipost, which the system calls itself when a plan is sent. @default none: sends fail with 502 DIGIPOST_FEILET */
  digipostUrl?: string;
  /** The county's Digipost sender account. @default 900801 (the fixtures' sender) */
  digipostSenderId?: number;
  /** Bearer token for Digipost. @default an unsigned token with role FAGOPPLAERING (enough for a decode-only Digipost stand-in) */
  digipostToken?: () => string | Promise<string>;
  /** Postal addresses by fnr for printed letters. @default those in the fixture folder's digipost.json */
  printAddresses?: Map<string, PrintRecipient>;
  /** Timeout for each Digipost call. @default 10000 */
  digipostTimeoutMs?: number;
}

/** An unsigned JWT (alg none): the stand-ins decode tokens and only verify them when given a JWKS. */
function unsignedServiceToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ role: 'FAGOPPLAERING', sub: 'fagopplaering' })}.`;
}

/** Builds the express app and its in-memory state (tests assert on `state`). */
export async function createFagopplaeringStandIn(
  options: FagopplaeringStandInOptions = {},
): Promise<{ app: Express; state: FagopplaeringState }> {
  const now = options.now ?? (() => new Date());
  const state = await loadFagopplaeringState({ fixturesDir: options.fixturesDir, now: now() });
  const addresses = options.printAddresses ?? (await loadPrintAddresses(options.fixturesDir, now()));
  const app = createStandInApp({ latencyMs: options.latencyMs, jwksUrl: options.jwksUrl, audience: options.audience, echoHeader: 'X-Correlation-ID', unauthorized });
  const api = Router();
  api.use(opplaeringsdataRoutes(state));
  api.use(laereplanRoutes(state));
  api.use(kartleggingRoutes(state, now));
  api.use(kartleggingStatusRoutes(state, now));
  api.use(samtykkeRoutes(state, now));
  api.use(grunnlagRoutes(state));
  api.use(opplaeringsplanRoutes(state, now));
  api.use(
    sendPlanRoutes(state, now, {
      url: options.digipostUrl,
      senderId: options.digipostSenderId ?? 900801,
      token: options.digipostToken ?? unsignedServiceToken,
      printAddressOf: (fnr) => addresses.get(fnr),
      timeoutMs: options.digipostTimeoutMs ?? 10_000,
    }),
  );
  api.use(statistikkRoutes(state, now));
  // The contract's server URL ends in /api/v1; the bare origin is served too, as the stand-in's own tests call it.
  app.use('/api/v1', api);
  app.use(api);
  app.use((_req: Request, res: Response) => problem(res, 404, 'IKKE_FUNNET', 'Ukjent ressurs.'));
  app.use(jsonErrorHandler((res, message) => problem(res, 400, 'UGYLDIG_FORESPORSEL', message)));
  return { app, state };
}

/** Starts it on a port (0 = free port). */
export async function startFagopplaeringStandIn(
  options: FagopplaeringStandInOptions & { port: number },
): Promise<RunningServer & { state: FagopplaeringState }> {
  const { app, state } = await createFagopplaeringStandIn(options);
  const server = await listen(app, options.port);
  return { port: server.port, url: server.url, close: server.close, state };
}
