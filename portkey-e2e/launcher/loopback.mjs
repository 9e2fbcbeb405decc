// Preloaded with `node --import` before the Portkey gateway's build/start-server.js.
//
// The gateway's CLI takes only --port=N (default 8787) and calls @hono/node-server's serve({ fetch, port }) without a
// hostname, so Node would listen on every interface. This hook makes the first listen() bind PORTKEY_E2E_HOST
// (default 127.0.0.1) instead, and, since --port=0 lets the OS pick a free port, prints the port actually bound as
// one line on stdout: "portkey-e2e listening 127.0.0.1:<port>". Nothing else of the gateway is changed.
import net from 'node:net';

const host = process.env.PORTKEY_E2E_HOST || '127.0.0.1';
const listen = net.Server.prototype.listen;
let bound = false;

net.Server.prototype.listen = function (...args) {
  if (!bound && typeof args[0] === 'number') {
    bound = true;
    // listen(port, hostname, callback): the gateway passes hostname undefined.
    if (args.length < 2 || args[1] === undefined || args[1] === null) {
      args[1] = host;
    } else if (typeof args[1] === 'function') {
      args.splice(1, 0, host);
    }
    this.once('listening', () => {
      const address = this.address();
      process.stdout.write(`portkey-e2e listening ${address.address}:${address.port}\n`);
    });
  }
  return listen.apply(this, args);
};
