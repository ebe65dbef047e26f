import express, { type Express, type Request, type Response, type NextFunction } from 'express';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { z } from 'zod';

/**
 * The caller as the stand-ins read it from the bearer JWT (stand-in convention, shared/upstreams/README.md):
 * `role` and, by role, NAVident/oid (NAV employee), pid (the person), counsellorId (+ centreId) or advisorId.
 */
export const upstreamCallerSchema = z.object({
  role: z.enum(['NAV', 'PERSON', 'KARRIERESENTER', 'FAGOPPLAERING', 'PARTNER']),
  NAVident: z.string().optional(),
  oid: z.string().optional(),
  pid: z.string().optional(),
  counsellorId: z.string().optional(),
  centreId: z.string().optional(),
  advisorId: z.string().optional(),
  sub: z.string().optional(),
});
export type UpstreamCaller = z.infer<typeof upstreamCallerSchema>;

/** What every stand-in takes: its fixtures, its clock, its latency and how it checks tokens. */
export interface StandInBaseOptions {
  /** Folder with the fixture files. @default the demo set */
  fixturesDir?: string;
  /** The stand-in's clock; fixture event times move to it at load and every time it writes comes from it. @default the system clock */
  now?: () => Date;
  /** Delay added to every response. @default 0 */
  latencyMs?: number;
  /** When set, bearer tokens must be signed by a key from this JWKS. @default decode only */
  jwksUrl?: string;
  /** With jwksUrl: the audience tokens must be issued for. @default not checked */
  audience?: string;
}

export interface StandInOptions {
  /** Delay added to every response, to make latency visible in benchmarks. @default 0 */
  latencyMs?: number;
  /** When set, bearer tokens must be signed by a key from this JWKS (the local issuer's). @default decode only */
  jwksUrl?: string;
  /** With jwksUrl: the `aud` a token must carry (the token was issued for this system). @default not checked */
  audience?: string;
  /** Header echoed back for correlation: NAV logs Nav-Call-Id and echoes nothing. */
  echoHeader?: 'X-Correlation-ID';
  /** Writes the system's own 401 (NAV: no body; county systems: problem+json). */
  unauthorized: (res: Response) => void;
}

/** Per-request caller, set by the auth middleware. */
export function callerOf(res: Response): UpstreamCaller {
  return res.locals.caller as UpstreamCaller;
}

/**
 * An express app with what every stand-in shares: latency, correlation echo, health, JSON bodies and the bearer
 * check (a bearer that is not a JWT with a known role is 401 — never a default identity).
 */
export function createStandInApp(options: StandInOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/internal/isalive', (_req, res) => void res.send('alive'));
  app.get('/internal/isready', (_req, res) => void res.send('ready'));
  const latency = options.latencyMs ?? 0;
  if (latency > 0) app.use((_req, _res, next) => void setTimeout(next, latency));
  if (options.echoHeader) {
    const header = options.echoHeader;
    app.use((req, res, next) => {
      const id = req.get(header);
      if (id) res.set(header, id);
      next();
    });
  }
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined;
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    const match = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '');
    if (!match) return options.unauthorized(res);
    try {
      const token = match[1]!;
      const claims = jwks ? (await jwtVerify(token, jwks, options.audience ? { audience: options.audience } : {})).payload : decodeJwt(token);
      const parsed = upstreamCallerSchema.safeParse(claims);
      if (!parsed.success) return options.unauthorized(res);
      res.locals.caller = parsed.data;
      next();
    } catch {
      options.unauthorized(res);
    }
  });
  app.use(express.json({ limit: '2mb' }));
  return app;
}

/** Express error handler for malformed JSON bodies: a 400 in the system's own error shape. */
export function jsonErrorHandler(badRequest: (res: Response, message: string) => void) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (err && typeof err === 'object' && 'type' in err && (err as { type: string }).type === 'entity.parse.failed') {
      return badRequest(res, 'Malformed JSON body');
    }
    next(err);
  };
}
