import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode } from '../common/app-error.js';

export { ErrorCode };

registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'Every `extensions.code` the API sends. Branch on it (and on `extensions.reason`), never on message text.',
  valuesConfig: {
    BAD_USER_INPUT: { description: 'Something given is not valid; `extensions.fields` says which input and why.' },
    UNAUTHENTICATED: { description: 'Not signed in (or the session, invite confirmation or API key is not valid).' },
    FORBIDDEN: { description: 'Signed in, but not allowed to do this (or the invite can no longer be used).' },
    NOT_FOUND: { description: 'No such thing in your organisation.' },
    CONFLICT: { description: 'The state changed meanwhile (already decided, already exists…).' },
    RATE_LIMITED: { description: 'Too many requests; `extensions.retryAfterSeconds` says when to try again.' },
    SERVICE_UNAVAILABLE: { description: 'Something Vouch depends on (Xero, email) is not available right now; try again later.' },
    INTERNAL_SERVER_ERROR: { description: 'Unexpected; `extensions.errorId` is also in the server log.' },
    GRAPHQL_PARSE_FAILED: { description: 'The request is not valid GraphQL.' },
    GRAPHQL_VALIDATION_FAILED: { description: 'The operation does not fit the schema (e.g. a page older than the server).' },
    BAD_REQUEST: { description: 'The HTTP request could not be read.' },
    OPERATION_RESOLUTION_FAILURE: { description: 'The operation to run could not be determined.' },
    PERSISTED_QUERY_NOT_FOUND: { description: 'Automatic persisted query: send the full query.' },
    PERSISTED_QUERY_NOT_SUPPORTED: { description: 'Persisted queries are not supported.' },
  },
});

@ObjectType({ description: 'One input that is not valid, by its path in the arguments (`input.email`, `phones[0].number`).' })
export class FieldProblem {
  @Field(() => String) field!: string;
  @Field(() => String) message!: string;
}

/**
 * Not a field anywhere: the contract of every error's `extensions`, in the schema so that clients (the web
 * among them) generate their list of codes from it.
 */
@ObjectType({ description: 'The `extensions` of every error the API returns (documentation of the error contract; not returned as data).' })
export class ErrorExtensions {
  @Field(() => ErrorCode) code!: ErrorCode;
  @Field(() => String, { nullable: true, description: 'Feature-specific and stable, e.g. INVITE_EXPIRED or WRONG_CODE.' }) reason!: string | null;
  @Field(() => [FieldProblem], { nullable: true, description: 'BAD_USER_INPUT: the inputs to correct.' }) fields!: FieldProblem[] | null;
  @Field(() => Int, { nullable: true, description: 'RATE_LIMITED: seconds until a retry can succeed.' }) retryAfterSeconds!: number | null;
  @Field(() => String, { nullable: true, description: 'INTERNAL_SERVER_ERROR: the id of the server log line.' }) errorId!: string | null;
}
