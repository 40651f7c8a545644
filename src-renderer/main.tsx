import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The global sheets (tokens and base, controls, page structure) first: every component's and
// view's own sheet comes after them.
import './styles.css';
import './controls.css';
import './sections.css';
import { App } from './App';
import { useThemeStore } from './stores/themeStore';

// The remembered theme before the first render (theme-boot.js already did it for the first paint).
useThemeStore.getState().start();

const root = document.getElementById('root');
if (!root) throw new Error('Fleetdeck: #root is missing from the page.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
