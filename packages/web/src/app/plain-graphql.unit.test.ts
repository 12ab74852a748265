import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { errorReason, fieldErrorsByPath, toUserFacingError } from './errors';
import { requestGraphQL } from './plain-graphql';

const ORIGIN = 'https://vouch.example';
const SupplierInvite: TypedDocumentNode<{ supplierInvite: { status: string } }, { token: string }> = parse(
  'query SupplierInvite($token: String!) { supplierInvite(token: $token) { status } }',
);

type Answer = () => Response | Promise<Response>;

function json(status: number, body: unknown, type = 'application/graphql-response+json; charset=utf-8'): Answer {
  return () => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

/** Every kind of answer the invite pages can get, and what each should become. */
const ANSWERS: Record<string, Answer> = {
  'a result': json(200, { data: { supplierInvite: { status: 'OPEN' } } }),
  'an error with a reason': json(200, {
    data: null,
    errors: [{ message: 'This link has expired.', extensions: { code: 'NOT_FOUND', reason: 'INVITE_EXPIRED' } }],
  }),
  'field errors at 400 (GraphQL response type)': json(400, {
    errors: [
      {
        message: 'Please correct the highlighted fields.',
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'payment.accountNumber', message: 'Check the account number.' }] },
      },
    ],
  }),
  'errors at 400 as plain JSON': json(400, { errors: [{ message: 'Too many attempts.', extensions: { code: 'RATE_LIMITED' } }] }, 'application/json'),
  'a 429 without a body': () => new Response('', { status: 429 }),
  'a proxy’s HTML page': () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
  'an unreadable 200': () => new Response('{"data":', { status: 200, headers: { 'content-type': 'application/json' } }),
  'a 200 that is not GraphQL': json(200, { hello: 'world' }, 'application/json'),
  'no answer at all': () => Promise.reject(new TypeError('Failed to fetch')),
};

/** The outcome: the data, or the error's class and what the page makes of it (screen, words, fields). */
async function outcome(run: () => Promise<unknown>) {
  try {
    return { data: await run() };
  } catch (error) {
    const kind = error instanceof Error ? error.name : typeof error;
    return { kind, error: toUserFacingError(error), reason: errorReason(error), fields: fieldErrorsByPath(error) };
  }
}

describe('requestGraphQL (the invite pages’ client without Apollo)', () => {
  it('posts the operation as Apollo does, with the session cookie', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return ANSWERS['a result']!();
    }) as typeof globalThis.fetch;

    expect(await requestGraphQL(SupplierInvite, { token: 'abc' }, { origin: ORIGIN, fetch })).toEqual({ supplierInvite: { status: 'OPEN' } });
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe(`${ORIGIN}/graphql`);
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toMatchObject({ 'content-type': 'application/json', accept: 'application/graphql-response+json,application/json;q=0.9' });
    expect(JSON.parse(init.body as string)).toEqual({ operationName: 'SupplierInvite', variables: { token: 'abc' }, query: print(SupplierInvite) });
  });

  // The invite pages and app/errors.ts were written against Apollo Client: each answer must lead to the same
  // data, or the same message, reason and field errors, as it does through Apollo's HTTP link.
  for (const [name, answer] of Object.entries(ANSWERS)) {
    it(`turns ${name} into what Apollo Client would`, async () => {
      const fetch = (async () => answer()) as typeof globalThis.fetch;
      const apollo = new ApolloClient({ link: new HttpLink({ uri: `${ORIGIN}/graphql`, fetch }), cache: new InMemoryCache() });

      const plain = await outcome(() => requestGraphQL(SupplierInvite, { token: 'abc' }, { origin: ORIGIN, fetch }));
      const viaApollo = await outcome(
        async () => (await apollo.query({ query: SupplierInvite, variables: { token: 'abc' }, fetchPolicy: 'network-only' })).data,
      );

      expect(plain).toEqual(viaApollo);
    });
  }

  it('reads a link that ended as the page expects (reason, message)', async () => {
    const fetch = (async () => ANSWERS['an error with a reason']!()) as typeof globalThis.fetch;
    const result = await outcome(() => requestGraphQL(SupplierInvite, { token: 'abc' }, { origin: ORIGIN, fetch }));
    expect(result).toMatchObject({ reason: 'INVITE_EXPIRED', error: { code: 'NOT_FOUND', message: 'This link has expired.' } });
  });
});
