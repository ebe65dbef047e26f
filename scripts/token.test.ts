import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalIssuer, type RunningIssuer } from '../stand-ins/issuer/index.ts';
import { parseTokenArgs, runTokenCli } from './token.ts';

let issuer: RunningIssuer;
beforeAll(async () => {
  issuer = await startLocalIssuer({ port: 0 });
});
afterAll(() => issuer.close());

async function run(argv: string[], env: Record<string, string | undefined>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTokenCli(argv, { env, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run token', () => {
  it('prints a token from the issuer of the stack started with PORT', async () => {
    // The issuer is PORT + 4 in the stack's layout.
    const { code, out } = await run(['nav-advisor', 'Z990001'], { PORT: String(issuer.port - 4) });
    expect(code).toBe(0);
    expect(decodeJwt(out)).toMatchObject({ iss: issuer.issuer, role: 'nav-advisor', NAVident: 'Z990001' });
  });

  it('passes the centre of a counsellor', async () => {
    const { code, out } = await run(['career-counsellor', 'KV-101', '--centre', 'KS-STK'], { AUTH_ISSUER: issuer.issuer });
    expect(code).toBe(0);
    expect(decodeJwt(out)).toMatchObject({ counsellorId: 'KV-101', centre: 'KS-STK' });
  });

  it('exits 1 with the issuer\'s reason when it refuses', async () => {
    const { code, err } = await run(['citizen', '12345678901'], { AUTH_ISSUER: issuer.issuer });
    expect(code).toBe(1);
    expect(err).toMatch(/invalid_request/);
    expect(err).not.toContain('12345678901');
  });

  it('exits 1 and says to start the stack when no issuer answers', async () => {
    const { code, err } = await run(['training-advisor', 'FR-01'], { AUTH_ISSUER: 'http://127.0.0.1:9/fagbrev' });
    expect(code).toBe(1);
    expect(err).toMatch(/npm start/);
  });

  describe('exits 2 with the usage on bad arguments', () => {
    it.each([
      [[]],
      [['citizen']],
      [['admin', 'x']],
      [['citizen', '14820482817', 'extra']],
      [['career-counsellor', 'KV-101', '--centre']],
      [['training-advisor', 'FR-01', '--centre', 'KS-TRD']],
      [['training-advisor', 'FR-01', '--verbose']],
    ])('%j', async (argv) => {
      const { code, err, out } = await run(argv, { AUTH_ISSUER: issuer.issuer });
      expect(code).toBe(2);
      expect(err).toMatch(/^token: .+\n\nUsage: npm run -s token -- <role> <subject>/);
      expect(out).toBe('');
    });
  });

  it('prints the usage on --help and exits 0', async () => {
    const { code, out } = await run(['--help'], {});
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage:/);
  });

  it('accepts --centre=<id> as well', () => {
    expect(parseTokenArgs(['career-counsellor', 'KV-101', '--centre=KS-TRD'])).toEqual({ role: 'career-counsellor', subject: 'KV-101', centre: 'KS-TRD' });
  });
});
