// @vitest-environment jsdom
// The founder works at night on a laptop set to light: Settings → Appearance → Dark turns the whole
// window dark and stays dark after a restart; System hands the choice back to the OS.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useThemeStore } from '../../../src-renderer/stores/themeStore';
import { applyTheme, readThemeChoice, THEME_KEY } from '../../../src-renderer/theme';
import { ThemeSection } from '../../../src-renderer/views/settings/ThemeSection';

const DARK_BLOCK = '@media (prefers-color-scheme: dark) { :root { --bg: #0d1015; } }';

/** The dark block's query as the page holds it now. */
const darkQuery = () => {
  const sheet = document.styleSheets[0]!;
  return (sheet.cssRules[0] as CSSMediaRule).media.mediaText;
};

beforeEach(() => {
  const style = document.createElement('style');
  style.textContent = DARK_BLOCK;
  document.head.append(style);
  localStorage.clear();
  useThemeStore.setState({ choice: 'system' });
});

afterEach(() => {
  cleanup();
  document.head.innerHTML = '';
  applyTheme('system');
});

describe('the theme toggle in Settings', () => {
  it('Dark turns the dark blocks on whatever the system says, and is remembered', () => {
    render(<ThemeSection />);
    fireEvent.click(screen.getByTestId('theme-dark'));
    expect(darkQuery()).toMatch(/^all\b/);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.style.getPropertyValue('color-scheme')).toBe('dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    // A restart reads it back.
    expect(readThemeChoice(localStorage)).toBe('dark');
  });

  it('Light keeps the dark blocks off the screen even on a dark system', () => {
    render(<ThemeSection />);
    fireEvent.click(screen.getByTestId('theme-light'));
    expect(darkQuery()).toMatch(/^print and/);
    expect(localStorage.getItem(THEME_KEY)).toBe('light');
  });

  it('System puts the original query back and forgets the choice', () => {
    render(<ThemeSection />);
    fireEvent.click(screen.getByTestId('theme-dark'));
    fireEvent.click(screen.getByTestId('theme-system'));
    expect(darkQuery()).toBe('(prefers-color-scheme: dark)');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(localStorage.getItem(THEME_KEY)).toBeNull();
    expect(screen.getByTestId<HTMLInputElement>('theme-system').checked).toBe(true);
  });

  it('an unknown stored value counts as System', () => {
    expect(readThemeChoice({ getItem: () => 'sepia' })).toBe('system');
  });
});
