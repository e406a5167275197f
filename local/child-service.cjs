/**
 * Runs one local stand-in (dynalite or aws-ses-v2-local) as a child of the local stack.
 * Usage (by local/stack.ts only): node child-service.cjs <dynalite|ses> <json options>
 * Reports {ready: port} over the IPC channel and exits when the parent goes away, even when the
 * parent was killed outright, so no stand-in outlives the stack.
 */
'use strict';

const [kind, raw] = process.argv.slice(2);
const opts = JSON.parse(raw || '{}');

function fail(error) {
  const message = error && error.code === 'EADDRINUSE' ? `port ${opts.port} on ${opts.host} is already in use` : String((error && error.stack) || error);
  if (process.send) process.send({ error: message });
  process.exit(1);
}

let server;
function ready() {
  if (process.send) process.send({ ready: server.address().port });
}

function shutdown() {
  if (!server) process.exit(0);
  // Let dynalite close LevelDB cleanly; leave anyway after a moment.
  setTimeout(() => process.exit(0), 2000).unref();
  if (server.closeAllConnections) server.closeAllConnections();
  // dynalite's close() also closes its LevelDB store.
  server.close(() => process.exit(0));
}

// The parent's IPC channel closes when the parent exits in any way.
process.on('disconnect', shutdown);
process.on('SIGTERM', shutdown);
// Ctrl-C reaches the whole process group; the stack stops its stand-ins itself, after its HTTP server.
process.on('SIGINT', () => undefined);
process.on('uncaughtException', fail);

try {
  if (kind === 'dynalite') {
    const dynalite = require('dynalite');
    server = dynalite({ path: opts.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    server.once('error', fail);
    server.listen(opts.port, opts.host, ready);
  } else if (kind === 'ses') {
    const ses = require('aws-ses-v2-local').default;
    ses({ host: opts.host, port: opts.port }).then((s) => {
      server = s;
      ready();
    }, fail);
  } else {
    fail(new Error(`unknown service ${kind}`));
  }
} catch (e) {
  fail(e);
}
