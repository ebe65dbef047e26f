/** The gateway is ready only when every subgraph answers its own readiness probe. */
export async function readinessOf(subgraphUrls: Record<string, string>, timeoutMs = 2000) {
  const entries = await Promise.all(
    Object.entries(subgraphUrls).map(async ([name, url]) => {
      const probe = new URL('/internal/isready', url);
      try {
        const res = await fetch(probe, { signal: AbortSignal.timeout(timeoutMs) });
        return [name, res.ok] as const;
      } catch {
        return [name, false] as const;
      }
    }),
  );
  const subgraphs = Object.fromEntries(entries);
  return { ready: entries.every(([, ok]) => ok), subgraphs };
}
