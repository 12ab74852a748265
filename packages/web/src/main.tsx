// The base stylesheet first: each feature's own CSS (imported by its components) comes after it.
import './base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { RouterProvider } from './app/router';

// No Apollo here: the buyer app brings its client (BuyerApp.tsx); the supplier's invite page does without.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider>
      <App />
    </RouterProvider>
  </StrictMode>,
);
