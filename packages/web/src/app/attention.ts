import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { graphql } from '../gql';
import type { Attention_CountsFragment } from '../gql/graphql';

/**
 * What needs someone in the organisation, as counts: the home page lists them, the main navigation shows the
 * review and failed-sync counts, and the Xero banner reads the connection from here. One query, kept live by
 * one subscription (mounted by the app frame); everyone else reads the cache.
 */
export const AttentionFragment = graphql(`
  fragment Attention_counts on Attention {
    awaitingReview
    awaitingReviewBankChanges
    awaitingReviewHighRisk
    failedSyncs
    invitesLocked
    invitesExpiringSoon
    paymentHolds
    countedAt
    xero {
      status
      tenantName
      needsAttention
      lastError
    }
  }
`);

export const AttentionQuery = graphql(`
  query Attention {
    attention {
      ...Attention_counts
    }
  }
`);

const AttentionUpdatedSubscription = graphql(`
  subscription AttentionUpdated {
    attentionUpdated {
      ...Attention_counts
    }
  }
`);

export type Attention = Attention_CountsFragment;

/**
 * Loads the counts and keeps them live: each event (a submission, a decision, a sync, Xero's status, from any
 * server instance) is written over the cached query, so every reader updates at once. A lost socket is
 * non-fatal: the counts were loaded over HTTP and a page visit reloads them.
 */
export function useLiveAttention(): Attention | null {
  const client = useApolloClient();
  const { data } = useQuery(AttentionQuery, { fetchPolicy: 'cache-and-network', errorPolicy: 'all' });
  useEffect(() => {
    const subscription = client.subscribe({ query: AttentionUpdatedSubscription }).subscribe({
      next: (result) => {
        const attention = result.data?.attentionUpdated;
        if (attention) client.cache.writeQuery({ query: AttentionQuery, data: { attention } });
      },
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
  }, [client]);
  return (data?.attention as Attention | undefined) ?? null;
}

/** The counts as last loaded (the app frame keeps them live); null until then. */
export function useAttention(): Attention | null {
  const { data } = useQuery(AttentionQuery, { fetchPolicy: 'cache-first', errorPolicy: 'all' });
  return (data?.attention as Attention | undefined) ?? null;
}

/** Calls `onUpdate` whenever fresh counts arrive after the first (something the counts count has moved). */
export function useAttentionUpdated(onUpdate: () => void): void {
  const attention = useAttention();
  const latest = useRef(onUpdate);
  useEffect(() => {
    latest.current = onUpdate;
  });
  const seen = useRef<string | null>(null);
  const countedAt = attention?.countedAt ?? null;
  useEffect(() => {
    if (!countedAt) return;
    if (seen.current !== null && seen.current !== countedAt) latest.current();
    seen.current = countedAt;
  }, [countedAt]);
}
