import { pino, type DestinationStream, type Logger } from 'pino';
import { maskIdents } from './ident.ts';

export type { Logger };

/**
 * JSON logs (pino). Every string that reaches a line is passed through `maskIdents`, so a fødselsnummer
 * cannot be logged by accident; free text from notes and dialogue must never be passed to a logger at all.
 * `destination` replaces stdout (tests capture the lines).
 */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    base: { app: 'fagbrev-graph', process: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      log: (object) => mask(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskIdents(a) : a)) as Parameters<typeof method>);
      },
    },
  };
  // No destination: pino's own fast stdout writer.
  return destination ? pino(options, destination) : pino(options);
}

function mask(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskIdents(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: maskIdents(value.message) };
  if (Array.isArray(value)) return value.map((v) => mask(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v, depth + 1)]));
}
