import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JSONWebKeySet, type JWTPayload } from 'jose';

const ALG = 'RS256';

/** The issuer's key pair, created at start and never written anywhere: a restart invalidates every token. */
export interface SigningKey {
  /** The public key set served at /jwks. */
  jwks: JSONWebKeySet;
  /** Signs a payload as is (the caller sets every claim). */
  sign(payload: JWTPayload): Promise<string>;
  /** Verifies a token's signature with the private key's public half; claims are checked by the caller. */
  verify(token: string, options: { issuer: string; audience: string }): Promise<JWTPayload>;
}

export async function createSigningKey(): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(ALG);
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return {
    jwks: { keys: [{ ...jwk, kid, alg: ALG, use: 'sig' }] },
    sign: (payload) => new SignJWT(payload).setProtectedHeader({ alg: ALG, kid, typ: 'JWT' }).sign(privateKey),
    verify: async (token, { issuer, audience }) =>
      (await jwtVerify(token, publicKey, { issuer, audience, algorithms: [ALG], requiredClaims: ['exp'] })).payload,
  };
}

/** Registered claims every issued token carries: issued now, valid from now, unique id. */
export function timeClaims(lifetimeSeconds: number, now = Math.floor(Date.now() / 1000)) {
  return { iat: now, nbf: now, exp: now + lifetimeSeconds, jti: randomUUID() };
}
