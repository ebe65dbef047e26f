import { defaultPort } from '../../lib/config.ts';
import { createLogger } from '../../lib/log.ts';
import { startLocalIssuer } from './issuer.ts';

/** Runs the local issuer alone: `tsx stand-ins/issuer/main.ts` (PORT + 4, fixtures from FIXTURES_DIR or the demo set). */
const log = createLogger('issuer');
const server = await startLocalIssuer({
  port: defaultPort('issuer'),
  ...(process.env.FIXTURES_DIR ? { fixturesDir: process.env.FIXTURES_DIR } : {}),
  ...(process.env.TOKEN_EXCHANGE_CLIENT_SECRET ? { clientSecret: process.env.TOKEN_EXCHANGE_CLIENT_SECRET } : {}),
});
log.info({ issuer: server.issuer }, 'local issuer listening');
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
