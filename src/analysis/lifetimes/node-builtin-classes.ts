/**
 * Classes exported by Node.js built-in modules, as data: a written type that names one of them
 * (`http.Agent` after `import * as http from 'http'`, `Socket` imported from `'node:net'`) denotes
 * objects. Only classes are listed (checked against `@types/node`): type aliases such as
 * `http.OutgoingHttpHeader` may be primitives, and interfaces are left out too.
 *
 * The path is below the module's exports; `''` is the module itself where `module.exports` is the
 * class (`import EventEmitter from 'events'`, `const Stream = require('stream')`).
 */
const NODE_BUILTIN_CLASSES: Readonly<Record<string, readonly string[]>> = {
  async_hooks: ['AsyncLocalStorage', 'AsyncResource'],
  buffer: ['Blob', 'File'],
  child_process: ['ChildProcess'],
  cluster: ['Worker'],
  crypto: ['Certificate', 'Cipher', 'Decipher', 'DiffieHellman', 'ECDH', 'Hash', 'Hmac', 'KeyObject', 'Sign', 'Verify', 'X509Certificate'],
  dgram: ['Socket'],
  events: ['', 'EventEmitter', 'EventEmitterAsyncResource'],
  fs: ['Dir', 'Dirent', 'ReadStream', 'Stats', 'WriteStream'],
  http: ['Agent', 'ClientRequest', 'IncomingMessage', 'OutgoingMessage', 'Server', 'ServerResponse'],
  http2: ['Http2ServerRequest', 'Http2ServerResponse'],
  https: ['Agent', 'Server'],
  net: ['BlockList', 'Server', 'Socket', 'SocketAddress'],
  perf_hooks: ['PerformanceEntry', 'PerformanceObserver'],
  readline: ['Interface'],
  repl: ['REPLServer'],
  stream: ['', 'Duplex', 'PassThrough', 'Readable', 'Stream', 'Transform', 'Writable'],
  tls: ['Server', 'TLSSocket'],
  tty: ['ReadStream', 'WriteStream'],
  url: ['URL', 'URLSearchParams'],
  vm: ['Script'],
  worker_threads: ['BroadcastChannel', 'MessageChannel', 'MessagePort', 'Worker'],
  zlib: ['BrotliCompress', 'BrotliDecompress', 'Deflate', 'DeflateRaw', 'Gunzip', 'Gzip', 'Inflate', 'InflateRaw', 'Unzip'],
};

/** Does `path` below the exports of module `source` (`'http'`, `'node:http'`) name a class of a Node.js built-in? */
export function isNodeBuiltinClass(source: string, path: readonly string[]): boolean {
  const name = source.startsWith('node:') ? source.slice(5) : source;
  const classes = Object.hasOwn(NODE_BUILTIN_CLASSES, name) ? NODE_BUILTIN_CLASSES[name] : undefined;
  return classes !== undefined && path.length <= 1 && classes.includes(path[0] ?? '');
}
