import { fileURLToPath } from 'node:url';
import type { AuditSink } from '../../lib/audit/sink.ts';
import type { RunningServer } from '../../lib/http.ts';
import type { Logger } from '../../lib/log.ts';
import { createSubgraphApp, startSubgraph, type TokenExchanger, type TokenVerifier } from '../../lib/subgraph/server.ts';
import { subgraphTypeDefs } from '../../lib/subgraph/schema.ts';
import { navGrants, navPersonAccess } from './access.ts';
import { navContextFactory } from './context.ts';
import { createDialogueSends, type DialogueSendsOptions } from './mutations/dialogueSends.ts';
import { resolvers } from './resolvers/index.ts';

/** Absolute path of the nav subgraph's schema.graphql (composition reads it with the shared definitions). */
export const NAV_SCHEMA_PATH = fileURLToPath(new URL('./schema.graphql', import.meta.url));

/** The audience NAV's services accept when no other is configured. */
export const DEFAULT_NAV_AUDIENCE = 'nav-api';

export interface NavSubgraphOptions {
  verifier: TokenVerifier;
  exchanger: TokenExchanger;
  log: Logger;
  upstreams: {
    /** The NAV API host (each application under its context path) and the audience its tokens are issued for. */
    nav: { url: string; audience?: string };
  };
  /** Per upstream call, in milliseconds. @default 5000 */
  timeoutMs?: number;
  /** Where audit events go (lib/audit/sink.ts). */
  auditSink: AuditSink;
  /** Refuse requests the gateway did not sign (lib/signing). @default off */
  gatewaySigningSecret?: string;
  /** The clock (ages, the target group). @default () => new Date() */
  now?: () => Date;
  /**
   * The NAV offices (four-digit enhet ids) taking part in the programme: an advisor's caseload is read at each of
   * them the advisor has access to. The graph gets no office from the advisor's token, and NAV's contract here has
   * no "my offices" endpoint. @default [] (myCaseload is then empty)
   */
  caseloadOffices?: readonly string[];
  /**
   * Where sendDialogueMessage remembers its idempotency keys (mutations/dialogueSends.ts). @default this process's
   * memory, 10 000 keys for a day. Several replicas need a shared store for a retry to be safe on any of them.
   */
  dialogueIdempotency?: DialogueSendsOptions;
}

function serverOptions(options: NavSubgraphOptions) {
  const { url, audience = DEFAULT_NAV_AUDIENCE } = options.upstreams.nav;
  if (!url) throw new Error('nav subgraph: upstreams.nav.url is required (the NAV API base URL).');
  const caseloadOffices = options.caseloadOffices ?? [];
  const badOffice = caseloadOffices.find((o) => !/^[0-9]{4}$/.test(o));
  if (badOffice !== undefined) throw new Error(`nav subgraph: caseloadOffices must be four-digit NAV office numbers, got "${badOffice}".`);
  return {
    name: 'nav',
    typeDefs: subgraphTypeDefs(NAV_SCHEMA_PATH),
    resolvers,
    verifier: options.verifier,
    exchanger: options.exchanger,
    log: options.log,
    buildContext: navContextFactory({ baseUrl: url, audience, timeoutMs: options.timeoutMs, caseloadOffices, dialogueSends: createDialogueSends(options.dialogueIdempotency) }),
    personAccess: navPersonAccess,
    grants: navGrants,
    auditSink: options.auditSink,
    gatewaySigningSecret: options.gatewaySigningSecret,
    now: options.now,
  };
}

/** The nav subgraph as an express app (for tests and for a process that serves it beside other things). */
export function createNavSubgraph(options: NavSubgraphOptions) {
  return createSubgraphApp(serverOptions(options));
}

/** The nav subgraph listening on `port` (0: any free port). */
export function startNavSubgraph(options: NavSubgraphOptions & { port: number }): Promise<RunningServer> {
  return startSubgraph({ ...serverOptions(options), port: options.port });
}
