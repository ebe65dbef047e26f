import { describe, expect, it } from 'vitest';
import { readinessUrl } from './readiness.ts';

describe('a subgraph readiness probe', () => {
  it('sits beside the GraphQL path, under its prefix', () => {
    const probe = (url: string) => readinessUrl(url).href;
    expect(probe('http://host/nav/graphql')).toBe('http://host/nav/internal/isready');
    expect(probe('http://host/nav/graphql/')).toBe('http://host/nav/internal/isready');
    expect(probe('https://host:8443/a/b/graphql?x=1#y')).toBe('https://host:8443/a/b/internal/isready');
    expect(probe('http://localhost:4001/graphql')).toBe('http://localhost:4001/internal/isready');
    expect(probe('http://localhost:4001/')).toBe('http://localhost:4001/internal/isready');
  });
});
