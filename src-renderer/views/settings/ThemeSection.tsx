// Settings → Appearance: follow the system's light/dark setting, or keep one of them.
import { useThemeStore } from '../../stores/themeStore';
import type { ThemeChoice } from '../../theme';

const CHOICES: Array<{ value: ThemeChoice; label: string; hint: string }> = [
  { value: 'system', label: 'System', hint: 'Follows the operating system’s light or dark setting' },
  { value: 'light', label: 'Light', hint: 'Always light' },
  { value: 'dark', label: 'Dark', hint: 'Always dark' },
];

export function ThemeSection() {
  const choice = useThemeStore((s) => s.choice);
  const choose = useThemeStore((s) => s.choose);
  return (
    <section className="settings-section" aria-labelledby="appearance-title" data-testid="appearance">
      <h2 id="appearance-title" className="settings-section__title">
        Appearance
      </h2>
      <div className="theme-choice" role="radiogroup" aria-label="Theme">
        {CHOICES.map((c) => (
          <label key={c.value} className="theme-choice__option" title={c.hint}>
            <input
              type="radio"
              name="theme"
              value={c.value}
              checked={choice === c.value}
              onChange={() => choose(c.value)}
              data-testid={`theme-${c.value}`}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      <p className="muted settings-section__note">Remembered on this computer, for every context.</p>
    </section>
  );
}
