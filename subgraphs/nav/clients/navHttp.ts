import { createUpstreamHttp, type UpstreamHttp, type UpstreamRequestScope } from '../../../lib/upstream/http.ts';

/** The NAV applications this subgraph calls; each is its own service (and host) in production. */
export type NavApplication = 'veilarbaktivitet' | 'veilarbdialog' | 'veilarboppfolging' | 'veilarbvedtaksstotte' | 'veilarbportefolje' | 'poao-tilgang';

/** NAV's services log the calling application; they read it from Nav-Consumer-Id. */
export const NAV_CONSUMER_ID = 'fagbrev-graph';

export interface NavHttpOptions {
  /** Base URL of the NAV API host; each application lives under its context path (/veilarbaktivitet, ...). */
  baseUrl: string;
  timeoutMs?: number;
}

/**
 * The HTTP client for one NAV application in one request: Nav-Call-Id (from the request's call id) and
 * Nav-Consumer-Id on every call; errors, logs and metrics name the application, so an outage of one shows
 * where it is.
 */
export function navHttp(application: NavApplication, options: NavHttpOptions, scope: UpstreamRequestScope): UpstreamHttp {
  return createUpstreamHttp(
    {
      system: application,
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs,
      correlationHeader: 'Nav-Call-Id',
      headers: { 'Nav-Consumer-Id': NAV_CONSUMER_ID },
    },
    scope,
  );
}
