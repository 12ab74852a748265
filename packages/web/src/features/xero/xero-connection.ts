import { graphql } from '../../gql';

/**
 * The organisation's Xero connection (null until one is made; the card's fragment says what it needs), and
 * the address Xero sends the browser back to, where connecting must start.
 */
export const XeroConnectionQuery = graphql(`
  query XeroConnection {
    xeroConnection {
      ...XeroConnectionCard_connection
    }
    xeroCallbackOrigin
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
