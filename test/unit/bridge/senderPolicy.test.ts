import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../src-main/bridge/senderPolicy';

describe('who may call the contract', () => {
  const packaged = { fileUrl: 'file:///opt/Fleetdeck/resources/app/out/renderer/index.html' };
  const dev = { devOrigin: 'http://localhost:5173' };

  it('accepts the packaged window page', () => {
    expect(isTrustedSender('file:///opt/Fleetdeck/resources/app/out/renderer/index.html#/apps/1', packaged)).toBe(true);
  });

  it('refuses another local file, even in the same folder', () => {
    expect(isTrustedSender('file:///opt/Fleetdeck/resources/app/out/renderer/evil.html', packaged)).toBe(false);
    expect(isTrustedSender('file:///tmp/index.html', packaged)).toBe(false);
  });

  it('accepts the dev server origin only in development', () => {
    expect(isTrustedSender('http://localhost:5173/', dev)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', packaged)).toBe(false);
    expect(isTrustedSender('http://localhost:5174/', dev)).toBe(false);
  });

  it('refuses remote pages, missing and malformed URLs', () => {
    expect(isTrustedSender('https://evil.example/', dev)).toBe(false);
    expect(isTrustedSender(undefined, packaged)).toBe(false);
    expect(isTrustedSender('not a url', packaged)).toBe(false);
  });
});
