import type { GraphQLFieldResolver } from 'graphql';
import type { NavContext } from '../context.ts';

/** The field resolvers of one GraphQL type in the nav subgraph (parents are typed by each resolver). */
export type TypeResolvers = Record<string, GraphQLFieldResolver<any, NavContext>>;
