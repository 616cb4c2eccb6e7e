import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureToken } from './backend/browserToken';
import { App } from './App';
import './i18n/i18n';
import './styles/base.css';
import './styles/grid.css';
import './styles/dashboard.css';
import './styles/pages.css';

captureToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
