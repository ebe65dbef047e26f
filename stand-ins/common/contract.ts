import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/**
 * The OpenAPI 3.1 contracts of the wrapped systems, for tests: validates a stand-in's response bodies and the
 * fixture records against the schemas the real systems publish.
 */
export type ContractName = 'nav' | 'karrieresenter' | 'fagopplaering' | 'digipost';

type Json = Record<string, any>;

export interface Contract {
  document: Json;
  /** Errors (empty when valid) of a value against `#/components/schemas/<name>`. */
  validateSchema(name: string, value: unknown): string[];
  /** Errors of a response body against the operation's documented response for the status (or `default`). */
  validateResponse(operationId: string, status: number, body: unknown, contentType?: string): string[];
  /** The documented statuses of an operation. */
  statuses(operationId: string): string[];
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const cache = new Map<ContractName, Contract>();

export function contractPath(name: ContractName): string {
  return fileURLToPath(new URL(`../contracts/${name}.openapi.yaml`, import.meta.url));
}

export function loadContract(name: ContractName): Contract {
  const cached = cache.get(name);
  if (cached) return cached;
  const document = parse(readFileSync(contractPath(name), 'utf8')) as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword('example');
  const id = `https://contracts.invalid/${name}`;
  ajv.addSchema({ ...document, $id: id });

  const operations = new Map<string, Json>();
  for (const item of Object.values(document.paths ?? {}) as Json[]) {
    for (const op of Object.values(item) as Json[]) if (op && typeof op === 'object' && op.operationId) operations.set(op.operationId, op);
  }
  const resolve = (node: Json): Json => {
    let n = node;
    while (n && typeof n.$ref === 'string') {
      n = n.$ref.slice(2).split('/').reduce((o: Json, k: string) => o?.[k], document);
    }
    return n;
  };
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  const run = (schema: Json, value: unknown): string[] => {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) compiled.set(key, (validate = ajv.compile({ $id: `${id}/schema/${compiled.size}`, ...rebase(schema, id) })));
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  };

  const contract: Contract = {
    document,
    validateSchema(schemaName, value) {
      return run({ $ref: `#/components/schemas/${schemaName}` }, value);
    },
    statuses(operationId) {
      return Object.keys(operations.get(operationId)?.responses ?? {});
    },
    validateResponse(operationId, status, body, contentType = 'application/json') {
      const op = operations.get(operationId);
      if (!op) return [`unknown operation ${operationId}`];
      const response = op.responses?.[String(status)] ?? op.responses?.default;
      if (!response) return [`status ${status} is not documented for ${operationId}`];
      const content = resolve(response).content as Json | undefined;
      if (!content) return body === undefined || body === '' ? [] : [`${operationId} ${status} has no documented body`];
      const media = content[contentType.split(';')[0]!.trim()] ?? content['application/json'] ?? Object.values(content)[0];
      if (!media?.schema) return [];
      return run(media.schema, body);
    },
  };
  cache.set(name, contract);
  return contract;
}

/** Local `#/...` refs inside an operation's schema point into the whole document. */
function rebase(schema: Json, id: string): Json {
  return JSON.parse(JSON.stringify(schema), (key, value) =>
    key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${id}${value}` : value,
  );
}
