// The browser harness's head start, the part the Electron preload plays before a page's scripts
// run: it opens the bridge socket while the HTML is still parsed and the renderer's bundle loads,
// and asks for the kept fleet (call id 0) the moment the socket is open. Everything that arrives
// before src-preload/browserBridge.ts takes the socket over is kept for it, in order.
/* global window, location */
(function () {
  var token = new URLSearchParams(location.search).get('token') || '';
  var scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  var socket;
  try {
    socket = new WebSocket(scheme + '://' + location.host + '/bridge?token=' + encodeURIComponent(token));
  } catch {
    return;
  }
  var early = { socket: socket, keptFleetCallId: 0, received: [] };
  socket.addEventListener('open', function () {
    socket.send(JSON.stringify({ type: 'call', id: early.keptFleetCallId, method: 'getCachedFleet' }));
  });
  socket.addEventListener('message', function (event) {
    if (early.received) early.received.push(event.data);
  });
  window.__fleetdeckHarnessSocket = early;
})();
