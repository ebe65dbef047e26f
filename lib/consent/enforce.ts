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
import { ErrorCode, graphError } from '../errors.ts';
import type { BaseContext } from '../subgraph/context.ts';
import { consentOf, hasDirective, type ConsentSpec } from './directive.ts';
import { isActive, type GrantSource } from './grants.ts';
import { subjectOf } from './subject.ts';

export interface ProtectionOptions<TContext extends BaseContext> {
  /** The process name in audit events (nav, career, training). */
  source: string;
  personAccess: PersonAccessPolicy<TContext>;
  grants: GrantSource<TContext>;
  /** Organisations that see this subgraph's data under the access rules alone (they hold it themselves). */
  consentExempt: readonly Organisation[];
}

type Verdict =
  | { disclose: true; grantId?: string }
  | { disclose: false; code: typeof ErrorCode.FORBIDDEN | typeof ErrorCode.CONSENT_REQUIRED; reason: string; purpose?: string };

const FORBIDDEN_MESSAGE = 'You do not have access to this data.';
const CONSENT_MESSAGE = 'The person has not given consent to share this data with you.';

/**
 * Makes the schema's data-protection rules executable, once, for every subgraph (ARCHITECTURE.md §3–4):
 * - every field of Person but its key passes the subgraph's access policy for the caller's role;
 * - every object returned about another person than its parent passes the same policy (dropped from lists);
 * - every @consent field and every field returning a @consent type passes the consent decision, with grants read
 *   from the owning system.
 * It wraps resolvers in place, so root fields, nested fields and `_entities` take the same path. Every decision
 * about someone else's data is put on the request's audit trail.
 */
export function protectSchema<TContext extends BaseContext>(schema: GraphQLSchema, options: ProtectionOptions<TContext>): void {
  assertProtectable(schema);
  const guard = new Guard(options);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) wrapField(type, field, guard);
  }
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

  field.resolve = async (parent, args, context, info) => {
    const parentSubject = subjectOf(parent) ?? (type.name === 'Person' ? (parent as { ident?: string }).ident : undefined);
    if (personField) await guard.requireAccess(context, parentSubject, coordinate);
    if (fieldConsent) guard.throwIfWithheld(await guard.decide(context, fieldConsent, parentSubject, coordinate, parent as object));
    if (objectConsent) guard.throwIfOutsideGrantees(context, objectConsent, parentSubject, coordinate);

    const result = await resolve(parent, args, context, info);
    if (result === null || result === undefined || !isObjectType(returned)) return result;

    const check = async (item: unknown): Promise<Verdict> => {
      const subject = subjectOf(item);
      if (objectConsent) return guard.decide(context, objectConsent, subject, returned.name, item as object);
      // Another person's data reached through this one (a centre's day, a worklist): the same access rules apply.
      // A Person is only its key here; each of its fields is guarded on its own.
      if (subject !== undefined && subject !== parentSubject && returned.name !== 'Person') return guard.access(context, subject, returned.name);
      return { disclose: true };
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

  async access(context: TContext, subject: string | undefined, coordinate: string): Promise<Verdict> {
    if (subject === undefined) return this.refuse(context, '-', coordinate, ErrorCode.FORBIDDEN, 'NO_SUBJECT');
    if (context.caller.role === 'citizen' && context.caller.ident === subject) return { disclose: true };
    const decision = await this.accessDecision(context, subject);
    if (!decision.permit) return this.refuse(context, subject, coordinate, ErrorCode.FORBIDDEN, decision.reason);
    this.audit(context, subject, coordinate, { decision: 'Permit' });
    return { disclose: true };
  }

  async requireAccess(context: TContext, subject: string | undefined, coordinate: string): Promise<void> {
    this.throwIfWithheld(await this.access(context, subject, coordinate));
  }

  /** The consent decision of ARCHITECTURE.md §4 for one piece of data about `subject`. */
  async decide(context: TContext, spec: ConsentSpec, subject: string | undefined, coordinate: string, target: object): Promise<Verdict> {
    const caller = context.caller;
    if (subject === undefined) {
      // A model object without its subject cannot be decided on: fail closed.
      context.log.error({ coordinate }, 'personal data without a subject');
      return this.refuse(context, '-', coordinate, ErrorCode.FORBIDDEN, 'NO_SUBJECT', spec);
    }
    if (caller.role === 'citizen') {
      return caller.ident === subject ? { disclose: true } : this.refuse(context, subject, coordinate, ErrorCode.FORBIDDEN, 'NOT_DATA_SUBJECT', spec);
    }
    const organisation = organisationOf(caller);
    const access = await this.accessDecision(context, subject);
    if (!access.permit) return this.refuse(context, subject, coordinate, ErrorCode.FORBIDDEN, access.reason, spec);
    if (organisation && this.options.consentExempt.includes(organisation)) {
      this.audit(context, subject, coordinate, { decision: 'Permit' });
      return { disclose: true };
    }
    if (!organisation || !spec.grantees.includes(organisation)) {
      return this.refuse(context, subject, coordinate, ErrorCode.FORBIDDEN, 'NOT_A_GRANTEE', spec);
    }
    const grant = await this.options.grants.find(context, { purpose: spec.purpose, organisation, subject, coordinate, target });
    if (!grant || grant.purpose !== spec.purpose || grant.grantee !== organisation || !isActive(grant, context.now())) {
      return this.refuse(context, subject, coordinate, ErrorCode.CONSENT_REQUIRED, grant ? 'GRANT_NOT_ACTIVE' : 'NO_GRANT', spec, grant?.id);
    }
    this.audit(context, subject, coordinate, { decision: 'Permit', purpose: spec.purpose, grantId: grant.id });
    return { disclose: true, grantId: grant.id };
  }

  /** A caller outside `grantees` is refused before anything is read, so the answer cannot depend on the data. */
  throwIfOutsideGrantees(context: TContext, spec: ConsentSpec, subject: string | undefined, coordinate: string): void {
    const caller = context.caller;
    if (caller.role === 'citizen') return;
    const organisation = organisationOf(caller);
    if (organisation && (this.options.consentExempt.includes(organisation) || spec.grantees.includes(organisation))) return;
    this.throwIfWithheld(this.refuse(context, subject ?? '-', coordinate, ErrorCode.FORBIDDEN, 'NOT_A_GRANTEE', spec));
  }

  throwIfWithheld(verdict: Verdict): void {
    if (verdict.disclose) return;
    if (verdict.code === ErrorCode.CONSENT_REQUIRED) throw graphError(ErrorCode.CONSENT_REQUIRED, CONSENT_MESSAGE, { purpose: verdict.purpose });
    throw graphError(ErrorCode.FORBIDDEN, FORBIDDEN_MESSAGE);
  }

  private refuse(
    context: TContext,
    subject: string,
    coordinate: string,
    code: typeof ErrorCode.FORBIDDEN | typeof ErrorCode.CONSENT_REQUIRED,
    reason: string,
    spec?: ConsentSpec,
    grantId?: string,
  ): Verdict {
    this.audit(context, subject, coordinate, { decision: 'Deny', reason: `${code}:${reason}`, purpose: spec?.purpose, grantId });
    return { disclose: false, code, reason, purpose: spec?.purpose };
  }

  private audit(
    context: TContext,
    subject: string,
    coordinate: string,
    event: { decision: 'Permit' | 'Deny'; reason?: string; purpose?: string; grantId?: string },
  ): void {
    recordDecision(context, this.options.source, { subject, coordinate, ...event });
  }

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

function assertProtectable(schema: GraphQLSchema): void {
  const problems = protectionProblems(schema);
  if (problems.length) throw new Error(`The schema breaks the data-protection rules:\n- ${problems.join('\n- ')}`);
}
