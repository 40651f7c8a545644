import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The global sheets (tokens and base, controls, page structure) first: every component's and
// view's own sheet comes after them.
import './styles.css';
import './controls.css';
import './sections.css';
import { App } from './App';
import { useFleetStore } from './stores/fleetStore';
import { useThemeStore } from './stores/themeStore';

// The remembered theme before the first render (theme-boot.js already did it for the first paint).
useThemeStore.getState().start();
// The kept fleet, asked for before the first render so that render can already draw its rows.
// A microtask, so every module of the page has run first: the harness bundles its bridge into
// its entry chunk, whose own code runs after the renderer's modules it imports.
queueMicrotask(() => useFleetStore.getState().showKeptFleet());

const root = document.getElementById('root');
if (!root) throw new Error('Fleetdeck: #root is missing from the page.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
