import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode, type FormattedExecutionResult, type OperationDefinitionNode } from 'graphql';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * GraphQL over `fetch`, for the supplier's invite pages: every answer they use is fetched fresh (what
 * `fetchPolicy: 'network-only'` did), so Apollo Client's cache, links and observables (~160 kB with rxjs) would
 * be code a supplier's phone downloads for nothing. Only the buyer app loads Apollo
 * (docs/decisions/2026-11-30-light-invite-page.md).
 *
 * Failures are Apollo's own error classes, made as Apollo's HTTP link makes them, so `app/errors.ts` reads them
 * the same way: a network failure is the `fetch` error, an answer with `errors` is `CombinedGraphQLErrors`
 * (its data is dropped, Apollo's default error policy), a non-2xx plain-JSON answer is `ServerError`, an
 * unreadable body `ServerParseError`.
 */

type Variables = Record<string, unknown>;

function operationName(document: DocumentNode): string | undefined {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  return operation?.name?.value;
}

const printed = new WeakMap<object, string>();

/** Sends one operation to `${origin}/graphql` with the session cookie; resolves with `data`, or throws. */
export async function requestGraphQL<TData, TVariables extends Variables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  { origin = window.location.origin, fetch: send = fetch }: { origin?: string; fetch?: typeof fetch } = {},
): Promise<TData> {
  let query = printed.get(document);
  if (query === undefined) printed.set(document, (query = print(document)));
  const response = await send(`${origin}/graphql`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/graphql-response+json,application/json;q=0.9', 'content-type': 'application/json' },
    body: JSON.stringify({ operationName: operationName(document), variables, query }),
  });
  const bodyText = await response.text();
  // A GraphQL response (the server's preferred type) is read at any status; plain JSON only on success.
  if (!response.headers.get('content-type')?.includes('application/graphql-response+json') && response.status >= 300) {
    throw new ServerError(`Response not successful: Received status code ${response.status}`, { response, bodyText });
  }
  let result: FormattedExecutionResult<TData>;
  try {
    result = JSON.parse(bodyText) as typeof result;
  } catch (error) {
    throw new ServerParseError(error, { response, bodyText });
  }
  if (!result || typeof result !== 'object' || (!('data' in result) && !('errors' in result))) {
    throw new ServerError(`Server response was malformed for query '${operationName(document)}'.`, { response, bodyText });
  }
  if (Array.isArray(result.errors) && result.errors.length > 0) throw new CombinedGraphQLErrors(result);
  return result.data as TData;
}

export interface QueryState<TData> {
  data: TData | undefined;
  error: unknown;
  loading: boolean;
  /** Asks again (showing `loading`); resolves with the new data, rejects with the failure. */
  refetch: () => Promise<TData>;
}

/** Fetches when mounted and whenever the variables change (unless `skip`); always from the network. */
export function useQuery<TData, TVariables extends Variables>(
  document: TypedDocumentNode<TData, TVariables>,
  { variables, skip = false }: { variables: TVariables; skip?: boolean },
): QueryState<TData> {
  const [state, setState] = useState<{ data: TData | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: !skip });
  const key = JSON.stringify(variables);
  const latest = useRef(0);
  const variablesRef = useRef(variables);
  variablesRef.current = variables;

  const run = useCallback((): Promise<TData> => {
    const call = ++latest.current;
    setState((s) => ({ data: s.data, error: undefined, loading: true }));
    const answer = requestGraphQL(document, variablesRef.current).then(
      (data) => {
        if (call === latest.current) setState({ data, error: undefined, loading: false });
        return data;
      },
      (error: unknown) => {
        if (call === latest.current) setState({ data: undefined, error, loading: false });
        throw error;
      },
    );
    // The failure is in `error`: a caller that ignores the promise (`void refetch()`) leaves no unhandled rejection.
    answer.catch(() => undefined);
    return answer;
  }, [document]);

  useEffect(() => {
    if (skip) {
      latest.current++;
      setState((s) => (s.loading ? { ...s, loading: false } : s));
      return;
    }
    void run();
  }, [run, skip, key]); // `key`: the variables' content, not their identity

  // A query answered after its component unmounted is dropped.
  useEffect(
    () => () => {
      latest.current++;
    },
    [],
  );

  return { ...state, refetch: run };
}

/** `[mutate, { loading }]`: `mutate({ variables })` resolves with `{ data }` or throws (see above). */
export function useMutation<TData, TVariables extends Variables>(
  document: TypedDocumentNode<TData, TVariables>,
): [(options: { variables: TVariables }) => Promise<{ data: TData }>, { loading: boolean }] {
  const [pending, setPending] = useState(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const mutate = useCallback(
    async ({ variables }: { variables: TVariables }) => {
      setPending((n) => n + 1);
      try {
        return { data: await requestGraphQL(document, variables) };
      } finally {
        if (mounted.current) setPending((n) => n - 1);
      }
    },
    [document],
  );
  return [mutate, { loading: pending > 0 }];
}
