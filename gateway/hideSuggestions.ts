import type { ApolloServerPlugin } from '@apollo/server';

// graphql-js's didYouMean(): ' Did you mean "a", "b", or "c"?', also ' Did you mean the enum value "X"?' and
// ' Did you mean to use an inline fragment on "T"?'. Names and enum values never hold a '?'.
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Strips graphql-js's "Did you mean …?" from every error the gateway answers — validation, variable coercion and
 * subgraph errors alike — so misspelled guesses do not map the schema when introspection is off. graphql-armor's
 * block-field-suggestions misses the enum-value and inline-fragment forms and leaves a dangling "?", and Apollo's
 * hideSchemaDetailsFromClientErrors covers validation errors only.
 */
export function hideSuggestionsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}
