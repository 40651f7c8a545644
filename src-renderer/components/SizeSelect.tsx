// A size to move to, as the resize and scale dialogs ask for it: a labelled select, one option a
// size with what it costs, the ones that cannot be picked greyed out (their label says why), and,
// until one is chosen, a placeholder line. A current value the list lacks (a legacy slug) stays
// shown as it is instead of the select jumping to another size.

export interface SizeChoice {
  value: string;
  /** What the option reads: the size, what it is and what it costs a month. */
  label: string;
  disabled?: boolean;
}

interface SizeSelectProps {
  label: string;
  value: string;
  choices: SizeChoice[];
  onChange: (value: string) => void;
  /** The empty first line ("Choose a size…") while nothing is chosen. */
  placeholder?: string;
  testId?: string;
}

export function SizeSelect({ label, value, choices, onChange, placeholder, testId }: SizeSelectProps) {
  const listed = value === '' || choices.some((c) => c.value === value);
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {placeholder === undefined ? null : <option value="">{placeholder}</option>}
        {listed ? null : <option value={value}>{value}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value} disabled={c.disabled}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
