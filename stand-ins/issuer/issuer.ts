import express, { type Express } from 'express';
import type { JWTPayload } from 'jose';
import { UPSTREAM_AUDIENCE } from '../../lib/auth/audiences.ts';
import type { Caller } from '../../lib/auth/caller.ts';
import { claimsForCaller } from '../../lib/auth/claims.ts';
import { GRAPH_AUDIENCE, LOCAL_ISSUER_ID, isProduction, stackUrls } from '../../lib/config.ts';
import { listen, type RunningServer } from '../../lib/http.ts';
import { defaultClients, type IssuerClient } from './clients.ts';
import { loadStaffDirectory } from './directory.ts';
import { createSigningKey, timeClaims } from './keys.ts';
import { oauthErrorHandler } from './oauthError.ts';
import { GRAPH_TOKEN_SECONDS, TOKEN_EXCHANGE_GRANT, tokenEndpoint } from './tokenEndpoint.ts';

export interface LocalIssuerOptions {
  /** The `iss` of every token; its path is where the endpoints live. @default stackUrls().auth.issuer */
  issuerUrl?: string;
  /** Fixture folder whose nav.json (advisors' Entra ids) and karrieresenter.json (centres) it reads. @default the demo set */
  fixturesDir?: string;
  /** Token-exchange clients. @default nav-subgraph, career-subgraph, training-subgraph, each for its own upstreams */
  clients?: IssuerClient[];
  /** Secret of the default clients. @default 'local-dev-secret' */
  clientSecret?: string;
  /** Audiences it issues exchanged tokens for. @default nav-api, karrieresenter-api, fagopplaering-api, digipost-api */
  audiences?: string[];
  /** Environment checked for production. @default process.env */
  env?: Record<string, string | undefined>;
}

export interface SignTokenOptions {
  /** @default GRAPH_AUDIENCE */
  audience?: string;
  /** @default 3600 */
  expiresInSeconds?: number;
}

export interface LocalIssuer {
  issuer: string;
  /** The express app serving the issuer's endpoints under the issuer URL's path. */
  app: Express;
  /**
   * Signs a token with the issuer's key: iss, aud, iat, nbf, exp and jti are set, and `claims` may override any
   * of them (tests use this for expired, not-yet-valid or foreign-audience tokens).
   */
  signToken(claims: JWTPayload, options?: SignTokenOptions): Promise<string>;
  /** A valid graph token for a caller, with exactly the claims the dev token endpoint would give it. */
  tokenFor(caller: Caller, options?: SignTokenOptions): Promise<string>;
}

/**
 * The local OAuth2/OIDC issuer of the embedded default, in the spirit of NAV's mock-oauth2-server: a fresh RS256
 * key per start, discovery, JWKS, dev tokens by client_credentials and RFC 8693 token exchange.
 * Throws when the environment is production, so it cannot be enabled there by accident.
 */
export async function createLocalIssuer(options: LocalIssuerOptions = {}): Promise<LocalIssuer> {
  const env = options.env ?? process.env;
  refuseProduction(env);
  const issuer = (options.issuerUrl ?? stackUrls(env).auth.issuer).replace(/\/+$/, '');
  const base = new URL(issuer).pathname.replace(/\/+$/, '');
  const clients = options.clients ?? defaultClients(options.clientSecret ?? 'local-dev-secret');
  const [key, directory] = await Promise.all([createSigningKey(), loadStaffDirectory(options.fixturesDir)]);
  const context = {
    issuer,
    key,
    clients: new Map(clients.map((c) => [c.id, c])),
    audiences: new Set(options.audiences ?? Object.values(UPSTREAM_AUDIENCE)),
    directory,
  };

  const app = express();
  app.disable('x-powered-by');
  app.get('/internal/isalive', (_req, res) => void res.send('alive'));
  app.get('/internal/isready', (_req, res) => void res.send('ready'));
  app.get(`${base}/.well-known/openid-configuration`, (_req, res) => {
    res.json({
      issuer,
      jwks_uri: `${issuer}/jwks`,
      token_endpoint: `${issuer}/token`,
      grant_types_supported: ['client_credentials', TOKEN_EXCHANGE_GRANT],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['token'],
      subject_types_supported: ['public'],
    });
  });
  app.get(`${base}/jwks`, (_req, res) => void res.type('application/jwk-set+json').send(JSON.stringify(key.jwks)));
  app.post(`${base}/token`, express.urlencoded({ extended: false, limit: '16kb' }), tokenEndpoint(context));
  app.use(oauthErrorHandler);

  const signToken: LocalIssuer['signToken'] = (claims, opts = {}) =>
    key.sign({
      iss: issuer,
      aud: opts.audience ?? GRAPH_AUDIENCE,
      ...timeClaims(opts.expiresInSeconds ?? GRAPH_TOKEN_SECONDS),
      ...claims,
    });
  return { issuer, app, signToken, tokenFor: (caller, opts) => signToken(claimsForCaller(caller), opts) };
}

export type RunningIssuer = RunningServer & Pick<LocalIssuer, 'issuer' | 'signToken' | 'tokenFor'>;

/**
 * Starts the issuer on a port (0: any free one). Without issuerUrl, the issuer is
 * http://localhost:<actual port>/fagbrev, so tests on port 0 get a consistent `iss`.
 */
export async function startLocalIssuer(options: LocalIssuerOptions & { port: number }): Promise<RunningIssuer> {
  const { port, ...rest } = options;
  refuseProduction(rest.env ?? process.env); // before a port is opened
  let issuer: LocalIssuer | undefined;
  const server = await listen((req, res) => {
    if (issuer) issuer.app(req, res);
    else res.writeHead(503).end();
  }, port);
  try {
    issuer = await createLocalIssuer({
      ...rest,
      issuerUrl: rest.issuerUrl ?? `${server.url}/${LOCAL_ISSUER_ID}`,
    });
  } catch (err) {
    await server.close();
    throw err;
  }
  const { signToken, tokenFor } = issuer;
  return { port: server.port, url: server.url, close: server.close, issuer: issuer.issuer, signToken, tokenFor };
}

function refuseProduction(env: Record<string, string | undefined>): void {
  if (isProduction(env)) {
    throw new Error(
      'The local issuer must never run in production (NODE_ENV=production or a prod NAIS cluster): configure AUTH_ISSUER and AUTH_JWKS_URL for the real identity providers instead.',
    );
  }
}
