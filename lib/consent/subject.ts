/**
 * Every model object that holds personal data carries its data subject (the person's ident) under a symbol,
 * so the consent and access plumbing can decide on it without knowing the type. A symbol never reaches a
 * response: GraphQL serializes only the fields that are asked for.
 */
export const SUBJECT: unique symbol = Symbol('fagbrev-graph.subject');

export interface Personal {
  readonly [SUBJECT]: string;
}

/** Marks a model object as personal data about `subject` (a validated ident). */
export function personal<T extends object>(subject: string, value: T): T & Personal {
  Object.defineProperty(value, SUBJECT, { value: subject, enumerable: false });
  return value as T & Personal;
}

/** The data subject of a model object, or undefined when it was not marked (the plumbing then fails closed). */
export function subjectOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && SUBJECT in value) return (value as Personal)[SUBJECT];
  return undefined;
}
