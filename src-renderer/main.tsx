import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useThemeStore } from './stores/themeStore';
import './styles.css';
import './table.css';
import './badges.css';
import './views.css';
import './detail.css';
import './actions.css';
import './progress.css';
import './scale.css';
import './rolling.css';

// The remembered theme before the first render (theme-boot.js already did it for the first paint).
useThemeStore.getState().start();

const root = document.getElementById('root');
if (!root) throw new Error('Fleetdeck: #root is missing from the page.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
