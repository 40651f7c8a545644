// The theme the founder picked in Settings: system (the default), light or dark. Remembered in
// localStorage, since it belongs to this machine's window rather than to an account context.
import { create } from 'zustand';
import { applyTheme, followNewStylesheets, readThemeChoice, THEME_KEY, type ThemeChoice } from '../theme';

interface ThemeState {
  choice: ThemeChoice;
  /** Once, before the first render: applies the remembered choice and follows lazy stylesheets. */
  start: () => void;
  choose: (choice: ThemeChoice) => void;
}

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

export const useThemeStore = create<ThemeState>()((set, get) => ({
  choice: readThemeChoice(storage()),

  start: () => {
    applyTheme(get().choice);
    followNewStylesheets(() => get().choice);
  },

  choose: (choice) => {
    try {
      if (choice === 'system') storage()?.removeItem(THEME_KEY);
      else storage()?.setItem(THEME_KEY, choice);
    } catch {
      // Not remembered (storage refused), but still applied for this session.
    }
    set({ choice });
    applyTheme(choice);
  },
}));
