import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/logging/logger';
import { redact, registerSecret } from '../../../src-main/logging/redact';

describe('nothing secret reaches a log line', () => {
  it('cuts bearer headers and provider token shapes', () => {
    const text = [
      'Authorization: Bearer abc.def-ghi',
      'dop_v1_' + 'a'.repeat(64),
      'sbp_' + 'b'.repeat(40),
      'ghp_' + 'c'.repeat(36),
    ].join(' ');
    const out = redact(text);
    expect(out).not.toMatch(/abc\.def|aaaa|bbbb|cccc/);
    expect(out.match(/\[redacted\]/g)).toHaveLength(4);
  });

  it('cuts the signed token from a live-log URL but keeps the URL readable', () => {
    expect(redact('wss://proxy.example/logs?token=s3cr3t&tail=10')).toBe(
      'wss://proxy.example/logs?token=[redacted]&tail=10',
    );
  });

  it('cuts a token registered at run time wherever it appears', () => {
    registerSecret('sandbox_0123456789abcdef');
    const lines: string[] = [];
    createLogger((l) => lines.push(l)).error('request failed', new Error('sent sandbox_0123456789abcdef'));
    expect(lines.join('\n')).not.toContain('sandbox_0123456789abcdef');
    expect(lines[0]).toContain('request failed: Error: sent [redacted]');
  });
});
