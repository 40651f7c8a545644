// Archived log files (historic_urls): plain HTTPS files whose signed URL is the credential, so no
// Authorization header goes with them and no URL goes into an error. Object storage may answer
// with a redirect (to a CDN or another region); one is followed only to https (or to this
// machine, for the sandbox), a few hops at most, so a signed URL cannot be bounced anywhere in clear.
import { isSecureOrLoopback } from '../../base/loopback';

const MAX_REDIRECTS = 5;

export async function fetchArchive(url: string, signal: AbortSignal): Promise<string> {
  let target = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!isSecureOrLoopback(target)) throw new Error('the log archive is not on an https address, so it was not read');
    const response = await fetch(target, { signal, redirect: 'manual' });
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (!location) throw new Error(`the log archive answered HTTP ${response.status} with nowhere to go`);
      target = new URL(location, target);
      continue;
    }
    if (!response.ok) throw new Error(`the log archive answered HTTP ${response.status}`);
    return response.text();
  }
  throw new Error(`the log archive redirected more than ${MAX_REDIRECTS} times`);
}
