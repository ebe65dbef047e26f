import { upstreamUnavailable } from '../../../lib/upstream/errors.ts';
import { createUpstreamHttp, type UpstreamRequestScope } from '../../../lib/upstream/http.ts';
import { messageDelivery, type MessageDelivery } from './digipost.schemas.ts';

export interface DigipostClientOptions {
  /** Base URL of the Digipost (façade) API. */
  baseUrl: string;
  /** The county's Digipost sender account, sent as X-Digipost-UserId on every call. */
  senderId: string;
  /** @default 5000 */
  timeoutMs?: number;
}

/** Digipost's sender API (digipost.openapi.yaml) for one request. */
export interface DigipostClient {
  /** getMessageDelivery: where a letter fagopplæringen sent stands. */
  getMessageDelivery(messageId: string): Promise<MessageDelivery>;
}

/** Stands in for the client when no sender account is configured: every call is UPSTREAM_UNAVAILABLE. */
export const digipostNotConfigured: DigipostClient = {
  getMessageDelivery: async () => {
    throw upstreamUnavailable('digipost');
  },
};

export function createDigipostClient(options: DigipostClientOptions, scope: UpstreamRequestScope): DigipostClient {
  const http = createUpstreamHttp(
    {
      system: 'digipost',
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs,
      correlationHeader: 'X-Correlation-ID',
      headers: { 'X-Digipost-UserId': options.senderId },
    },
    scope,
  );
  return {
    async getMessageDelivery(messageId) {
      const { data } = await http({
        operation: 'getMessageDelivery',
        method: 'GET',
        path: `/messages/${encodeURIComponent(messageId)}`,
        schema: messageDelivery,
      });
      return data;
    },
  };
}
