import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { toOsloIso } from './time.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const QUARTER = /^\d{4}-Q[1-4]$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value)) throw new GraphQLError('Date must be YYYY-MM-DD.', { extensions: { code: 'BAD_USER_INPUT' } });
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError('Date is not a calendar date.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) {
    throw new GraphQLError('DateTime must be ISO-8601 with an offset.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new GraphQLError('DateTime is not a valid instant.', { extensions: { code: 'BAD_USER_INPUT' } });
  return d;
}

/** YYYY-MM-DD; serialized as is (a date has no time zone). */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, ISO-8601 YYYY-MM-DD.',
  serialize: (value) => parseDate(typeof value === 'string' ? value.slice(0, 10) : value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** An instant; always answered with the Europe/Oslo offset whatever offset the upstream used. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO-8601 with the Europe/Oslo offset.',
  serialize: (value) => toOsloIso(value instanceof Date ? value : parseDateTime(value)),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseQuarter(value: unknown): string {
  if (typeof value !== 'string' || !QUARTER.test(value)) {
    throw new GraphQLError('Quarter must be YYYY-Qn with a quarter from 1 to 4.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** YYYY-Qn, a calendar quarter (the programme statistics are published by Oslo quarter); serialized as is. */
export const QuarterScalar = new GraphQLScalarType<string, string>({
  name: 'Quarter',
  description: 'A calendar quarter, YYYY-Qn.',
  serialize: parseQuarter,
  parseValue: parseQuarter,
  parseLiteral: (ast) => parseQuarter(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const scalarResolvers = { Date: DateScalar, DateTime: DateTimeScalar, Quarter: QuarterScalar };
