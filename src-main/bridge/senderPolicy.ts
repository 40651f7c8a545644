// Only our own window may call the contract. Electron gives the sending frame's URL; it must be
// the app's own page (the packaged file or, in development, the dev server's origin).

export interface TrustedRenderer {
  /** file:// URL of the packaged index.html, when loaded from disk. */
  fileUrl?: string;
  /** http origin of the dev server, when running `npm run dev`. */
  devOrigin?: string;
}

export function isTrustedSender(senderUrl: string | undefined, trusted: TrustedRenderer): boolean {
  if (!senderUrl) return false;
  let url: URL;
  try {
    url = new URL(senderUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'file:') {
    if (!trusted.fileUrl) return false;
    const expected = new URL(trusted.fileUrl);
    return url.pathname === expected.pathname;
  }
  return trusted.devOrigin !== undefined && url.origin === new URL(trusted.devOrigin).origin;
}
