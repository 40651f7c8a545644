// The founder mistypes the spec's YAML. The problem must sit on the line to fix, not on the one the
// parser stopped at, and say what to do in words rather than the parser's own.
import { describe, expect, it } from 'vitest';
import { yamlMarks } from '../../../src-renderer/specSchema/problems';

const only = (text: string) => {
  const marks = yamlMarks(text);
  expect(marks).toHaveLength(1);
  return marks[0]!;
};

describe('a YAML mistake in the spec editor', () => {
  it('an over-indented line is blamed on itself, not on the line above, and says how far to indent', () => {
    const m = only('name: shop\nservices:\n- name: api\n  instance_count: 1\n   run_command: npm start\n');
    expect(m.line).toBe(5);
    expect(m.message).toBe(
      'This line is indented deeper than the line above, which already has its value: indent it by 2 spaces like its neighbours.',
    );
  });

  it('a key without its colon is named with the fix', () => {
    const m = only('name: shop\nservices:\n- name: api\n  instance_count 1\n  http_port: 8080\n');
    expect(m.line).toBe(4);
    expect(m.message).toBe('"instance_count 1" needs a colon and a space after its key, as in "key: value".');
  });

  it('an unclosed quote is placed where it opened, not at the end of the text', () => {
    const m = only('name: "shop\nregion: fra\n');
    expect(m.line).toBe(1);
    expect(m.message).toBe('A " opened on this line is never closed.');
  });

  it('a repeated key and a tab are said in plain words', () => {
    expect(only('name: shop\nname: other\n')).toMatchObject({
      line: 2,
      message: '"name" appears twice in the same mapping: keep one of them.',
    });
    expect(only('name: shop\nservices:\n- name: api\n\tinstance_count: 1\n')).toMatchObject({
      line: 4,
      message: 'A tab indents this line: YAML indents with spaces only.',
    });
  });

  it('a misaligned list item is one problem at its own line', () => {
    const m = only('name: shop\nservices:\n  - name: api\n - name: worker\n');
    expect(m.line).toBe(4);
    expect(m.message).toContain('not lined up with the items above');
  });
});
