import type DataLoader from 'dataloader';
import type { AccessDecision } from '../../../lib/access/policy.ts';
import { createPoaoTilgangLoader } from '../../../lib/access/poaoTilgang.ts';
import { createUpstreamHttp, type UpstreamRequestScope } from '../../../lib/upstream/http.ts';

export interface NavClientOptions {
  /** Base URL of the NAV API host that serves poao-tilgang. */
  baseUrl: string;
  /** Abort every call after this many milliseconds. @default 5000 */
  timeoutMs?: number;
}

/**
 * poao-tilgang for one NAV advisor in one request: this subgraph serves the advisor personal data from the
 * Karrieresenter, so it asks NAV's access control itself rather than trusting another subgraph's answer.
 */
export function createPoaoTilgang(options: NavClientOptions, scope: UpstreamRequestScope, azureId: string): DataLoader<string, AccessDecision> {
  const http = createUpstreamHttp(
    {
      system: 'poao-tilgang',
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs,
      correlationHeader: 'Nav-Call-Id',
      headers: { 'Nav-Consumer-Id': 'fagbrev-graph-career' },
    },
    scope,
  );
  return createPoaoTilgangLoader(http, azureId);
}
