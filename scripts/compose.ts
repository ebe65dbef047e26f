/** npm run compose: writes schema/supergraph.graphql from the subgraphs' schemas. Fails on any error or hint. */
import { writeFileSync } from 'node:fs';
import { compose, SUPERGRAPH_PATH } from '../schema/compose.ts';

const { supergraphSdl, errors, hints } = compose();
for (const e of errors) console.error(`error: ${e}`);
for (const h of hints) console.error(`hint: ${h}`);
if (!supergraphSdl || errors.length || hints.length) {
  console.error('Composition failed: fix the subgraph schemas (hints count as failures).');
  process.exit(1);
}
writeFileSync(SUPERGRAPH_PATH, `${supergraphSdl}\n`);
console.log(`Wrote ${SUPERGRAPH_PATH}`);
