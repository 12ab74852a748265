import { graphql } from '../../gql';

/**
 * The organisation's Xero connection (null until one is made; the card's fragment says what it needs), the
 * address Xero sends the browser back to, where connecting must start, and a connect attempt of this session
 * still waiting for its choice of organisation (so the choice survives a reload).
 */
export const XeroConnectionQuery = graphql(`
  query XeroConnection {
    xeroConnection {
      ...XeroConnectionCard_connection
    }
    xeroCallbackOrigin
    xeroConnectionAwaitingChoice
  }
`);

/** Status and import progress, live; Apollo merges each event into the cached connection by id. */
export const XeroConnectionUpdatedSubscription = graphql(`
  subscription XeroConnectionUpdated {
    xeroConnectionUpdated {
      ...XeroConnectionCard_connection
    }
  }
`);

export const CancelXeroConnectionMutation = graphql(`
  mutation CancelXeroConnection($attemptId: ID!) {
    cancelXeroConnection(attemptId: $attemptId)
  }
`);
