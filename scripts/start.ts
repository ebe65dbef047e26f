/**
 * npm start: the whole graph on its embedded default — local issuer, stand-ins of the four systems, three
 * subgraphs and the gateway. Ctrl-C stops everything.
 */
import { startStack } from '../stack/index.ts';
import { stackOptionsFromEnv } from '../stack/options.ts';

const started = performance.now();
const options = stackOptionsFromEnv();
const stack = await startStack(options);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const port = options.port === 4000 ? '' : `PORT=${options.port} `;
console.log(`
fagbrev-graph is ready in ${seconds} s: ${stack.gateway.url}

  Get a token (demo persona P01 Emma Strand, or advisor Z990001):
    TOKEN=$(${port}npm run -s token -- citizen 14820482817)
    TOKEN=$(${port}npm run -s token -- nav-advisor Z990001)
  Ask:
    curl -s ${stack.gateway.url} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
      -d '{"query":"{ me { ident followUp { innsatsgruppe } } }"}'

  Audit trail: ${stack.auditLogFile}
  Stop with Ctrl-C.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    await stack.close();
    process.exit(0);
  });
}
