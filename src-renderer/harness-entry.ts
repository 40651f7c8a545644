// The harness page: window.fleet over the loopback socket first, then the very same renderer.
import '../src-preload/browserBridge';
import './main';
