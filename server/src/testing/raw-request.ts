/**
 * Sends bytes to the server as an attacker would: a raw request over TCP, no client library
 * to normalise the path, the headers or the escapes. Answers with the status line's code (0
 * when the server cut the connection without answering) and what followed the headers.
 */
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

/** Writes `head` (request line and headers, without the blank line) to the server at `url`. */
export function rawRequest(url: string, head: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    const finish = () => {
      socket.destroy();
      const end = received.indexOf('\r\n\r\n');
      const headers = end < 0 ? received : received.slice(0, end);
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1];
      resolve({ status: status ? Number(status) : 0, headers, body: end < 0 ? '' : received.slice(end + 4) });
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
      // An accepted upgrade never ends by itself: its headers are the whole answer.
      if (received.startsWith('HTTP/1.1 101') && received.includes('\r\n\r\n')) finish();
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', finish);
    socket.write(`${head}\r\n\r\n`, 'latin1');
  });
}

/** The headers of a websocket upgrade for `path`, plus `extra` lines. */
export function upgradeHead(url: string, path: string, extra: string[] = []): string {
  const { host } = new URL(url);
  return [
    `GET ${path} HTTP/1.1`,
    `Host: ${host}`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    ...extra,
  ].join('\r\n');
}

/** The headers of a plain request, closed after the answer. */
export function requestHead(url: string, method: string, path: string, extra: string[] = []): string {
  const { host } = new URL(url);
  return [`${method} ${path} HTTP/1.1`, `Host: ${host}`, 'Connection: close', ...extra].join('\r\n');
}
