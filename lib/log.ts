import { pino, type DestinationStream, type Logger } from 'pino';
import { maskIdents } from './ident.ts';

export type { Logger };

/**
 * JSON logs (pino). Everything that reaches a line passes through `maskForLog` — the logged object, the message
 * and its format arguments, the base and every child logger's bindings — so a fødselsnummer cannot be logged by
 * accident, in whichever field or form it comes (lib/ident.ts `maskIdents`). Free text from notes and dialogue
 * must never be passed to a logger at all. `destination` replaces stdout (tests capture the lines).
 */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    base: { app: 'fagbrev-graph', process: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      bindings: (bindings) => maskForLog(bindings) as pino.Bindings,
      log: (object) => maskForLog(object) as Record<string, unknown>,
    },
    // Errors are made loggable (and masked) by maskForLog; pino's own err serializer would copy them unmasked.
    serializers: { err: (value: unknown) => value },
    hooks: {
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        // pino turns a leading Error into { err } and makes its message the line's message, past formatters.log.
        const lead = first instanceof Error && typeof rest[0] !== 'string' ? [{ err: first }, first.message] : [first];
        method.apply(this, [...lead, ...rest].map((a) => maskForLog(a)) as Parameters<typeof method>);
      },
    },
  };
  // No destination: pino's own fast stdout writer.
  return maskingBindings(destination ? pino(options, destination) : pino(options));
}

/**
 * pino serializes a child's bindings once, when the child is made, and skips every formatter for them (it resets
 * `formatters.bindings` for children on purpose). So the bindings are masked on their way in: `child` and
 * `setBindings` are replaced on the root, and every child inherits them (pino makes children with Object.create).
 */
function maskingBindings(root: Logger): Logger {
  const { child, setBindings } = root;
  root.child = function (this: Logger, bindings, options) {
    const masked = options?.msgPrefix === undefined ? options : { ...options, msgPrefix: maskIdents(options.msgPrefix) };
    return child.call(this, maskForLog(bindings) as pino.Bindings, masked);
  } as Logger['child'];
  root.setBindings = function (this: Logger, bindings) {
    setBindings.call(this, maskForLog(bindings) as pino.Bindings);
  };
  return root;
}

/** Log objects nest a few levels; a deeper part is replaced, never written unmasked. */
const MAX_DEPTH = 10;

/**
 * A copy of a value as it may be logged: identity numbers masked in every string (values and keys), in numbers
 * and bigints that are one, in errors (name, message, stack, cause and own properties), at any depth — what lies
 * deeper than MAX_DEPTH, and cycles, are replaced by a marker.
 */
export function maskForLog(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  switch (typeof value) {
    case 'string':
      return maskIdents(value);
    case 'number':
    case 'bigint': {
      const text = String(value);
      const masked = maskIdents(text);
      return masked === text ? value : masked;
    }
    case 'object':
      break;
    default:
      return value;
  }
  if (value === null) return value;
  if (depth >= MAX_DEPTH) return '[too deep to log]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    const inner = (v: unknown) => maskForLog(v, depth + 1, seen);
    if (value instanceof Error) {
      const own = Object.fromEntries(Object.entries(value).map(([k, v]) => [maskIdents(k), inner(v)]));
      return {
        ...own,
        type: maskIdents(value.name),
        message: maskIdents(value.message),
        ...(value.stack ? { stack: maskIdents(value.stack) } : {}),
        ...(value.cause !== undefined ? { cause: inner(value.cause) } : {}),
      };
    }
    if (Array.isArray(value)) return value.map(inner);
    if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [maskIdents(String(k)), inner(v)]));
    if (value instanceof Set) return [...value].map(inner);
    // toJSON first (a VerifiedToken prints a placeholder; a Buffer its bytes), as JSON.stringify would.
    const json = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof json === 'function') return inner(json.call(value));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [maskIdents(k), inner(v)]));
  } finally {
    seen.delete(value);
  }
}
