import DataLoader from 'dataloader';
import pLimit from 'p-limit';

/** How many calls one loader makes at once to an endpoint that takes one person per call. @default 8 */
const DEFAULT_CONCURRENCY = 8;

/**
 * A per-request loader for an endpoint without a batch form (NAV's person endpoints take one fnr): each person
 * is asked for at most once per request however many fields need the answer, a failure belongs to that person
 * only, and a caseload does not fire all its calls at once.
 */
export function perPersonLoader<V>(load: (ident: string) => Promise<V>, concurrency = DEFAULT_CONCURRENCY): DataLoader<string, V> {
  const limit = pLimit(concurrency);
  return new DataLoader<string, V>(async (idents) => {
    const results = await Promise.allSettled(idents.map((ident) => limit(() => load(ident))));
    return results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason instanceof Error ? r.reason : new Error('load failed')));
  });
}
