import type { Request, Response } from 'express';
import type { JWTPayload } from 'jose';
import { callerFromClaims, claimsForCaller } from '../../lib/auth/claims.ts';
import { GRAPH_AUDIENCE } from '../../lib/config.ts';
import { authenticateClient, type IssuerClient } from './clients.ts';
import { devCallerFromForm } from './devCaller.ts';
import type { StaffDirectory } from './directory.ts';
import { timeClaims, type SigningKey } from './keys.ts';
import { OAuthError } from './oauthError.ts';
import { upstreamClaimsFor } from './upstreamClaims.ts';

export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/** A graph token lives an hour, like a dev token from mock-oauth2-server. */
export const GRAPH_TOKEN_SECONDS = 3600;
/** Exchanged tokens are short-lived (TokenX gives 5 minutes at most). */
export const EXCHANGED_TOKEN_SECONDS = 300;

export interface TokenEndpointContext {
  issuer: string;
  key: SigningKey;
  clients: ReadonlyMap<string, IssuerClient>;
  /** Every audience the issuer issues exchanged tokens for. */
  audiences: ReadonlySet<string>;
  directory: StaffDirectory;
}

/** POST /token: client_credentials (dev tokens for the graph) and RFC 8693 token exchange. */
export function tokenEndpoint(ctx: TokenEndpointContext) {
  return async (req: Request, res: Response) => {
    if (!req.is('application/x-www-form-urlencoded')) {
      throw new OAuthError('invalid_request', 'the body must be application/x-www-form-urlencoded');
    }
    const form = (req.body ?? {}) as Record<string, unknown>;
    const grant = form.grant_type;
    let body: Record<string, unknown>;
    if (grant === 'client_credentials') body = await devToken(ctx, form);
    else if (grant === TOKEN_EXCHANGE_GRANT) body = await exchange(ctx, req, form);
    else if (typeof grant !== 'string') throw new OAuthError('invalid_request', 'grant_type is required');
    else throw new OAuthError('unsupported_grant_type', 'supported: client_credentials, token-exchange');
    res.set({ 'cache-control': 'no-store', pragma: 'no-cache' }).json(body);
  };
}

/** A graph token for a role and subject: the local stand-in for ID-porten, Entra ID and the county's IdP. */
async function devToken(ctx: TokenEndpointContext, form: Record<string, unknown>) {
  const caller = devCallerFromForm(form, ctx.directory);
  const azp = typeof form.client_id === 'string' && form.client_id ? form.client_id : undefined;
  const token = await ctx.key.sign({
    ...claimsForCaller(caller),
    ...(azp && caller.role !== 'partner-reporting' ? { azp } : {}),
    iss: ctx.issuer,
    aud: GRAPH_AUDIENCE,
    ...timeClaims(GRAPH_TOKEN_SECONDS),
  });
  return { access_token: token, token_type: 'Bearer', expires_in: GRAPH_TOKEN_SECONDS };
}

/** RFC 8693: a graph token in, a short-lived token for one upstream out, with the same caller. */
async function exchange(ctx: TokenEndpointContext, req: Request, form: Record<string, unknown>) {
  const client = authenticateClient(req, ctx.clients);
  const { subject_token: subjectToken, subject_token_type: subjectType, audience } = form;
  if (typeof subjectToken !== 'string' || !subjectToken) throw new OAuthError('invalid_request', 'subject_token is required');
  if (subjectType !== JWT_TOKEN_TYPE) throw new OAuthError('invalid_request', `subject_token_type must be ${JWT_TOKEN_TYPE}`);
  if (typeof audience !== 'string' || !audience) throw new OAuthError('invalid_request', 'audience is required (one value)');
  if (!ctx.audiences.has(audience)) throw new OAuthError('invalid_target', 'unknown audience');
  if (!client.audiences.includes(audience)) throw new OAuthError('invalid_target', 'audience not allowed for this client');

  let subject: JWTPayload;
  try {
    // Only tokens this issuer made for the graph: a token of another issuer, or one already exchanged, is refused.
    subject = await ctx.key.verify(subjectToken, { issuer: ctx.issuer, audience: GRAPH_AUDIENCE });
  } catch {
    throw new OAuthError('invalid_grant', 'subject_token is invalid, expired or not issued for the graph');
  }
  const caller = callerFromClaims(subject);
  if (!caller) throw new OAuthError('invalid_grant', 'subject_token does not name a known caller');

  const times = timeClaims(EXCHANGED_TOKEN_SECONDS);
  // Never outlive the subject token: an exchanged token must not extend a session.
  const exp = Math.min(times.exp, subject.exp!);
  const token = await ctx.key.sign({
    ...upstreamClaimsFor(caller),
    iss: ctx.issuer,
    aud: audience,
    azp: client.id,
    ...times,
    exp,
  });
  return { access_token: token, issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer', expires_in: exp - times.iat };
}
