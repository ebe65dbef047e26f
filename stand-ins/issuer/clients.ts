import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { SUBGRAPH_CLIENT, UPSTREAM_AUDIENCE } from '../../lib/auth/audiences.ts';
import { OAuthError } from './oauthError.ts';

/** A confidential client allowed to exchange tokens, and for which audiences. */
export interface IssuerClient {
  id: string;
  secret: string;
  /** Audiences this client may ask for (least privilege: each subgraph only its own upstreams). */
  audiences: string[];
}

/**
 * The subgraphs of the embedded default, each limited to the systems it wraps — plus NAV for career and training,
 * which ask poao-tilgang (on the NAV host) before they serve a NAV advisor any personal data, and for training the
 * NAV dialogue (the person is told of consents) and the Karrieresenter (notes attached to a request).
 */
export function defaultClients(secret: string): IssuerClient[] {
  return [
    { id: SUBGRAPH_CLIENT.nav, secret, audiences: [UPSTREAM_AUDIENCE.nav] },
    { id: SUBGRAPH_CLIENT.career, secret, audiences: [UPSTREAM_AUDIENCE.karrieresenter, UPSTREAM_AUDIENCE.nav] },
    // Training also asks the Karrieresenter whether a note NAV attaches to a request is shared with NAV.
    { id: SUBGRAPH_CLIENT.training, secret, audiences: [UPSTREAM_AUDIENCE.fagopplaering, UPSTREAM_AUDIENCE.digipost, UPSTREAM_AUDIENCE.nav, UPSTREAM_AUDIENCE.karrieresenter] },
  ];
}

const BASIC_CHALLENGE = 'Basic realm="fagbrev", charset="UTF-8"';

/**
 * The client of a request, authenticated by client_secret_basic or client_secret_post (RFC 6749 §2.3.1).
 * Using both at once is a malformed request; an unknown client and a wrong secret are the same invalid_client.
 */
export function authenticateClient(req: Request, clients: ReadonlyMap<string, IssuerClient>): IssuerClient {
  const header = req.get('authorization');
  const form = req.body as Record<string, unknown>;
  const posted = typeof form.client_secret === 'string';
  let id: string;
  let secret: string;
  if (header) {
    if (posted) throw new OAuthError('invalid_request', 'use one client authentication method, not two');
    const decoded = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header)?.[1];
    const pair = decoded ? Buffer.from(decoded, 'base64').toString('utf8') : '';
    const colon = pair.indexOf(':');
    if (colon < 0) throw new OAuthError('invalid_client', 'malformed HTTP Basic credentials', 401, BASIC_CHALLENGE);
    try {
      id = decodeURIComponent(pair.slice(0, colon).replace(/\+/g, ' '));
      secret = decodeURIComponent(pair.slice(colon + 1).replace(/\+/g, ' '));
    } catch {
      throw new OAuthError('invalid_client', 'malformed HTTP Basic credentials', 401, BASIC_CHALLENGE);
    }
    if (typeof form.client_id === 'string' && form.client_id !== id) {
      throw new OAuthError('invalid_request', 'client_id in the body differs from the authenticated client');
    }
  } else if (posted && typeof form.client_id === 'string') {
    id = form.client_id;
    secret = form.client_secret as string;
  } else {
    throw new OAuthError('invalid_client', 'client authentication is required', 401, BASIC_CHALLENGE);
  }
  const client = clients.get(id);
  if (!client || !sameSecret(client.secret, secret)) {
    throw new OAuthError('invalid_client', 'client authentication failed', 401, header ? BASIC_CHALLENGE : undefined);
  }
  return client;
}

/** Constant-time comparison of equal-length digests, so the secret's length and prefix do not leak. */
function sameSecret(expected: string, given: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
