import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { organisationOf, type Organisation } from '../auth/caller.ts';
import { recordDecision } from '../audit/record.ts';
import type { AccessDecision, PersonAccessPolicy } from '../access/policy.ts';
import type { RowRules } from '../access/rows.ts';
import { ErrorCode, graphError } from '../errors.ts';
import type { BaseContext } from '../subgraph/context.ts';
import { consentOf, hasDirective, type ConsentSpec } from './directive.ts';
import { isActive, type GrantSource } from './grants.ts';
import { subjectOf } from './subject.ts';
import { withholdingOf } from './withheld.ts';

export interface ProtectionOptions<TContext extends BaseContext> {
  /** The process name in audit events (nav, career, training). */
  source: string;
  personAccess: PersonAccessPolicy<TContext>;
  grants: GrantSource<TContext>;
  /** Organisations that see this subgraph's data under the access rules alone (they hold it themselves). */
  consentExempt: readonly Organisation[];
  /** Row-level rules by object type (lib/access/rows.ts). @default none */
  rows?: RowRules<TContext>;
}

type Refusal = {
  disclose: false;
  code: typeof ErrorCode.FORBIDDEN | typeof ErrorCode.CONSENT_REQUIRED;
  reason: string;
  purpose?: string;
  grantId?: string;
};
/** `own`: the person's own data, which is no decision about someone else's and is not recorded. */
type Verdict = { disclose: true; own?: true; purpose?: string; grantId?: string } | Refusal;

const OWN: Verdict = { disclose: true, own: true };
const FORBIDDEN_MESSAGE = 'You do not have access to this data.';
const CONSENT_MESSAGE = 'The person has not given consent to share this data with you.';

/**
 * Makes the schema's data-protection rules executable, once, for every subgraph (ARCHITECTURE.md §3–4):
 * - every field of Person but its key passes the subgraph's access policy for the caller's role;
 * - every object returned about another person than its parent passes the same policy (dropped from lists);
 * - every object of a type with a row rule passes that rule (a booking NAV may not see, another centre's note);
 * - every @consent field and every field returning a @consent type passes the consent decision, with grants read
 *   from the owning system;
 * - a record the owning system withheld (lib/consent/withheld.ts) is refused, whoever asks.
 * It wraps resolvers in place, so root fields, nested fields and `_entities` take the same path. Each decision
 * about someone else's data is put on the request's audit trail once, as what it finally was: the field as a whole
 * (access, then consent: one record), and each object it returned (the object's id in the record).
 */
export function protectSchema<TContext extends BaseContext>(schema: GraphQLSchema, options: ProtectionOptions<TContext>): void {
  assertProtectable(schema, options.rows);
  const guard = new Guard(options);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) wrapField(type, field, guard);
  }
}

/** The id of a record, for the audit trail: what the type's `id: ID!` field holds, when it has one. */
function recordIdOf(type: GraphQLObjectType, item: unknown): string | undefined {
  const withheld = withholdingOf(item);
  if (withheld) return withheld.recordId;
  if (!('id' in type.getFields())) return undefined;
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function wrapField<TContext extends BaseContext>(type: GraphQLObjectType, field: GraphQLField<unknown, TContext>, guard: Guard<TContext>) {
  const fieldConsent = consentOf(field);
  const returned = getNamedType(field.type);
  const objectConsent = isObjectType(returned) ? consentOf(returned) : undefined;
  const personField = type.name === 'Person' && field.name !== 'ident';
  const returnsObjects = isObjectType(returned) || type.name === 'Query';
  if (!fieldConsent && !objectConsent && !personField && !returnsObjects) return;

  const resolve: GraphQLFieldResolver<unknown, TContext> = field.resolve ?? defaultFieldResolver;
  const coordinate = `${type.name}.${field.name}`;
  const list = isListType(getNullableType(field.type));
  const checks = { personField, fieldConsent, objectConsent };

  field.resolve = async (parent, args, context, info) => {
    const parentSubject = subjectOf(parent) ?? (type.name === 'Person' ? (parent as { ident?: string }).ident : undefined);
    const fieldVerdict = await guard.decideField(context, checks, parentSubject, coordinate, parent as object);
    if (fieldVerdict) {
      guard.record(context, parentSubject ?? '-', coordinate, undefined, fieldVerdict);
      guard.throwIfWithheld(fieldVerdict);
    }

    const result = await resolve(parent, args, context, info);
    if (result === null || result === undefined || !isObjectType(returned)) return result;

    const check = async (item: unknown): Promise<Verdict> => {
      const verdict = await guard.decideObject(context, returned, objectConsent, item, parentSubject);
      if (!verdict) return OWN;
      guard.record(context, subjectOf(item) ?? '-', returned.name, recordIdOf(returned, item), verdict);
      return verdict;
    };
    if (list && Array.isArray(result)) {
      const verdicts = await Promise.all(result.map(check));
      return result.filter((_, i) => verdicts[i]!.disclose); // left out silently: existence is confidential too
    }
    guard.throwIfWithheld(await check(result));
    return result;
  };
}

class Guard<TContext extends BaseContext> {
  private readonly decisions = new WeakMap<TContext, Map<string, Promise<AccessDecision>>>();

  constructor(private readonly options: ProtectionOptions<TContext>) {}

  /** The role's access rule for one person, asked once per request and person. */
  private accessDecision(context: TContext, subject: string): Promise<AccessDecision> {
    let perRequest = this.decisions.get(context);
    if (!perRequest) this.decisions.set(context, (perRequest = new Map()));
    let decision = perRequest.get(subject);
    if (!decision) {
      const rule = this.options.personAccess[context.caller.role];
      decision = rule ? rule(context, subject) : Promise.resolve({ permit: false, reason: 'NO_RULE' } as AccessDecision);
      perRequest.set(subject, decision);
    }
    return decision;
  }

  /**
   * The decision about a field as a whole, before it is resolved: access to the person (Person fields), then the
   * field's consent, or whether the caller may receive the consent-bound type it returns at all. Undefined when the
   * field needs no decision of its own (its objects are decided one by one).
   */
  async decideField(
    context: TContext,
    checks: { personField: boolean; fieldConsent?: ConsentSpec; objectConsent?: ConsentSpec },
    subject: string | undefined,
    coordinate: string,
    parent: object,
  ): Promise<Verdict | undefined> {
    let verdict: Verdict | undefined;
    if (checks.personField) {
      verdict = await this.access(context, subject);
      if (!verdict.disclose) return verdict;
    }
    if (checks.fieldConsent) return this.consent(context, checks.fieldConsent, subject, coordinate, parent);
    if (checks.objectConsent) return this.outsideGrantees(context, checks.objectConsent) ?? verdict;
    return verdict;
  }

  /**
   * The decision about one object a field returned: a record the owning system withheld is refused; otherwise the
   * person-level access rule, the type's row rule and the type's consent, in that order, the first refusal final.
   * Undefined when there is nothing to decide (data about no one, or about the parent's own person with no rule).
   */
  async decideObject(
    context: TContext,
    type: GraphQLObjectType,
    objectConsent: ConsentSpec | undefined,
    item: unknown,
    parentSubject: string | undefined,
  ): Promise<Verdict | undefined> {
    const withheld = withholdingOf(item);
    if (withheld) return refusal(withheld.code, withheld.reason, objectConsent, withheld.grantId);
    const subject = subjectOf(item);
    const row = this.options.rows?.[type.name];
    // Another person's data reached through this one (a centre's day, a worklist): the same access rules apply.
    // A Person is only its key here; each of its fields is guarded on its own.
    const anotherPerson = subject !== undefined && subject !== parentSubject && type.name !== 'Person';
    if (!objectConsent && !row && !anotherPerson) return undefined;
    if (subject === undefined) {
      // A model object without its subject cannot be decided on: fail closed.
      context.log.error({ coordinate: type.name }, 'personal data without a subject');
      return refusal(ErrorCode.FORBIDDEN, 'NO_SUBJECT', objectConsent);
    }
    if (this.isOwner(context, subject)) return OWN;
    const access = await this.access(context, subject);
    if (!access.disclose) return objectConsent ? { ...access, purpose: objectConsent.purpose } : access;
    if (row) {
      const decision = row(context, item as object);
      if (!decision.permit) return refusal(ErrorCode.FORBIDDEN, decision.reason, objectConsent);
    }
    return objectConsent ? this.consent(context, objectConsent, subject, type.name, item as object) : access;
  }

  private isOwner(context: TContext, subject: string): boolean {
    return context.caller.role === 'citizen' && context.caller.ident === subject;
  }

  private async access(context: TContext, subject: string | undefined): Promise<Verdict> {
    if (subject === undefined) return refusal(ErrorCode.FORBIDDEN, 'NO_SUBJECT');
    if (this.isOwner(context, subject)) return OWN;
    const decision = await this.accessDecision(context, subject);
    return decision.permit ? { disclose: true } : refusal(ErrorCode.FORBIDDEN, decision.reason);
  }

  /** The consent decision of ARCHITECTURE.md §4 for one piece of data about `subject`. */
  private async consent(context: TContext, spec: ConsentSpec, subject: string | undefined, coordinate: string, target: object): Promise<Verdict> {
    const caller = context.caller;
    if (subject === undefined) {
      // A model object without its subject cannot be decided on: fail closed.
      context.log.error({ coordinate }, 'personal data without a subject');
      return refusal(ErrorCode.FORBIDDEN, 'NO_SUBJECT', spec);
    }
    if (caller.role === 'citizen') return caller.ident === subject ? OWN : refusal(ErrorCode.FORBIDDEN, 'NOT_DATA_SUBJECT', spec);
    const organisation = organisationOf(caller);
    const access = await this.accessDecision(context, subject);
    if (!access.permit) return refusal(ErrorCode.FORBIDDEN, access.reason, spec);
    if (organisation && this.options.consentExempt.includes(organisation)) return { disclose: true };
    if (!organisation || !spec.grantees.includes(organisation)) return refusal(ErrorCode.FORBIDDEN, 'NOT_A_GRANTEE', spec);
    const grant = await this.options.grants.find(context, { purpose: spec.purpose, organisation, subject, coordinate, target });
    if (!grant || grant.purpose !== spec.purpose || grant.grantee !== organisation || !isActive(grant, context.now())) {
      return refusal(ErrorCode.CONSENT_REQUIRED, grant ? 'GRANT_NOT_ACTIVE' : 'NO_GRANT', spec, grant?.id);
    }
    return { disclose: true, purpose: spec.purpose, grantId: grant.id };
  }

  /** A caller outside `grantees` is refused before anything is read, so the answer cannot depend on the data. */
  private outsideGrantees(context: TContext, spec: ConsentSpec): Verdict | undefined {
    const caller = context.caller;
    if (caller.role === 'citizen') return undefined;
    const organisation = organisationOf(caller);
    if (organisation && (this.options.consentExempt.includes(organisation) || spec.grantees.includes(organisation))) return undefined;
    return refusal(ErrorCode.FORBIDDEN, 'NOT_A_GRANTEE', spec);
  }

  throwIfWithheld(verdict: Verdict): void {
    if (verdict.disclose) return;
    if (verdict.code === ErrorCode.CONSENT_REQUIRED) throw graphError(ErrorCode.CONSENT_REQUIRED, CONSENT_MESSAGE, { purpose: verdict.purpose });
    throw graphError(ErrorCode.FORBIDDEN, FORBIDDEN_MESSAGE);
  }

  /** The one record of a decision; the person's own data is none. */
  record(context: TContext, subject: string, coordinate: string, recordId: string | undefined, verdict: Verdict): void {
    if (verdict.disclose && verdict.own) return;
    recordDecision(context, this.options.source, {
      subject,
      coordinate,
      ...(recordId !== undefined ? { recordId } : {}),
      decision: verdict.disclose ? 'Permit' : 'Deny',
      ...(verdict.disclose ? {} : { reason: `${verdict.code}:${verdict.reason}` }),
      ...(verdict.purpose ? { purpose: verdict.purpose } : {}),
      ...(verdict.grantId ? { grantId: verdict.grantId } : {}),
    });
  }
}

function refusal(code: Refusal['code'], reason: string, spec?: ConsentSpec, grantId?: string): Refusal {
  return { disclose: false, code, reason, ...(spec ? { purpose: spec.purpose } : {}), ...(grantId ? { grantId } : {}) };
}

/**
 * Rules the schema must keep for the enforcement to hold; checked when a subgraph starts and in the test suite:
 * consent-bound fields and fields returning a consent-bound object are nullable (withheld = null), and a
 * consent-bound type is no entity (`_entities` would hand it out without a parent to decide on).
 */
export function protectionProblems(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeConsent = consentOf(type);
    if (typeConsent && hasDirective(type, 'key')) problems.push(`${type.name} has @consent and @key: a consent-bound type cannot be an entity`);
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const named = getNamedType(field.type);
      const returnsConsentObject = isObjectType(named) && consentOf(named) !== undefined;
      if (consentOf(field) && isNonNullType(field.type)) problems.push(`${coordinate} is consent-bound and must be nullable`);
      if (returnsConsentObject && !isListType(getNullableType(field.type)) && isNonNullType(field.type)) {
        problems.push(`${coordinate} returns the consent-bound ${named.name} and must be nullable`);
      }
      if (type.name === 'Person' && field.name !== 'ident' && isNonNullType(field.type)) {
        problems.push(`${coordinate} must be nullable: access can be refused and an upstream can fail for one person`);
      }
    }
  }
  return problems;
}

function assertProtectable(schema: GraphQLSchema, rows: RowRules<never> | undefined): void {
  const problems = protectionProblems(schema);
  for (const name of Object.keys(rows ?? {})) if (!isObjectType(schema.getType(name))) problems.push(`a row rule names ${name}, which is no object type of the schema`);
  if (problems.length) throw new Error(`The schema breaks the data-protection rules:\n- ${problems.join('\n- ')}`);
}
