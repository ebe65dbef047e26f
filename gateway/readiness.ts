/**
 * Where a subgraph answers its readiness probe: `internal/isready` beside its GraphQL path, under the same prefix
 * (`http://host/nav/graphql` → `http://host/nav/internal/isready`), as each process serves both from one base.
 */
export function readinessUrl(subgraphUrl: string): URL {
  const url = new URL(subgraphUrl);
  url.search = '';
  url.hash = '';
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = `${path.slice(0, path.lastIndexOf('/') + 1)}internal/isready`;
  return url;
}

/** The gateway is ready only when every subgraph answers its own readiness probe. */
export async function readinessOf(subgraphUrls: Record<string, string>, timeoutMs = 2000) {
  const entries = await Promise.all(
    Object.entries(subgraphUrls).map(async ([name, url]) => {
      try {
        const res = await fetch(readinessUrl(url), { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
        return [name, res.ok] as const;
      } catch {
        return [name, false] as const;
      }
    }),
  );
  const subgraphs = Object.fromEntries(entries);
  return { ready: entries.every(([, ok]) => ok), subgraphs };
}
