import { pathToFileURL } from 'node:url';
import { ROLES, type Role } from '../lib/auth/caller.ts';
import { stackUrls } from '../lib/config.ts';

const USAGE = `Usage: npm run -s token -- <role> <subject> [--centre <id>]

Prints a graph token signed by the running local issuer (start the stack with \`npm start\` first).
  role      ${ROLES.join(' | ')}
  subject   citizen: fødselsnummer or D-number; nav-advisor: NAVident (Z990001);
            career-counsellor: counsellor id (KV-101); training-advisor: advisor id (FR-01);
            partner-reporting: client id
  --centre  career-counsellor only: the centre in the token (default: the counsellor's own)

The issuer is PORT+4 (PORT default 4000), or AUTH_ISSUER / TOKEN_EXCHANGE_URL when set.
Example: TOKEN=$(npm run -s token -- nav-advisor Z990001)`;

interface Io {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
}

type Parsed = { role: Role; subject: string; centre?: string } | { error: string } | { help: true };

/** Parses `<role> <subject> [--centre <id>]`; anything else is an error the usage text explains. */
export function parseTokenArgs(argv: string[]): Parsed {
  if (argv.includes('-h') || argv.includes('--help')) return { help: true };
  const positional: string[] = [];
  let centre: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--centre') {
      centre = argv[++i];
      if (!centre || centre.startsWith('-')) return { error: '--centre needs a centre id' };
    } else if (arg.startsWith('--centre=')) {
      centre = arg.slice('--centre='.length);
      if (!centre) return { error: '--centre needs a centre id' };
    } else if (arg.startsWith('-')) {
      return { error: `unknown option ${arg}` };
    } else positional.push(arg);
  }
  const [role, subject, ...extra] = positional;
  if (!role || !subject) return { error: 'role and subject are required' };
  if (extra.length > 0) return { error: `unexpected argument ${extra[0]}` };
  if (!(ROLES as readonly string[]).includes(role)) return { error: `unknown role ${role}` };
  if (centre !== undefined && role !== 'career-counsellor') return { error: '--centre is only for career-counsellor' };
  return { role: role as Role, subject, ...(centre !== undefined ? { centre } : {}) };
}

/** Runs the CLI; returns the exit code (0 ok, 1 issuer refused or unreachable, 2 bad arguments). */
export async function runTokenCli(argv: string[], io: Io): Promise<number> {
  const args = parseTokenArgs(argv);
  if ('help' in args) {
    io.out(USAGE);
    return 0;
  }
  if ('error' in args) {
    io.err(`token: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  const tokenUrl = stackUrls(io.env).auth.tokenUrl;
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'token-cli', role: args.role, subject: args.subject });
  if (args.centre) form.set('centre', args.centre);
  let response: Response;
  try {
    response = await fetch(tokenUrl, { method: 'POST', body: form, signal: AbortSignal.timeout(5000) });
  } catch {
    io.err(`token: no issuer at ${tokenUrl}. Is the stack running (npm start), with the same PORT?`);
    return 1;
  }
  const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown; error_description?: unknown };
  if (!response.ok || typeof body.access_token !== 'string') {
    io.err(`token: the issuer refused (${response.status} ${String(body.error ?? '')}): ${String(body.error_description ?? 'no description')}`);
    return 1;
  }
  io.out(body.access_token);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runTokenCli(process.argv.slice(2), {
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
