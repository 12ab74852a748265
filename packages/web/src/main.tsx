// The base stylesheet first: each feature's own CSS (imported by its components) comes after it.
import './base.css';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createApolloClient } from './app/apollo-client';
import { RouterProvider } from './app/router';

const client = createApolloClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <RouterProvider>
        <App />
      </RouterProvider>
    </ApolloProvider>
  </StrictMode>,
);
