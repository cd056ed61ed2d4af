// An OTLP/HTTP endpoint on loopback that accepts every export and counts what it received, so a benchmark pays the
// whole cost of exporting (serialisation and HTTP) without a collector. Stops by itself after --seconds; on exit it
// prints {"exports": {"/v1/traces": N, ...}, "bytes": N} to standard output.
//   node bench/js/otlp-sink.mjs --port 4318 --seconds 1800
import http from 'node:http';

const arg = (name, fallback) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', 4318));
const seconds = Number(arg('seconds', 1800));
const exports = {};
let bytes = 0;

const server = http.createServer((request, response) => {
  request.on('data', (chunk) => { bytes += chunk.length; });
  request.on('end', () => {
    exports[request.url] = (exports[request.url] ?? 0) + 1;
    response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
  });
});
const stop = () => {
  process.stdout.write(JSON.stringify({ exports, bytes }) + '\n');
  server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setTimeout(stop, seconds * 1000).unref();
server.listen(port, '127.0.0.1');
