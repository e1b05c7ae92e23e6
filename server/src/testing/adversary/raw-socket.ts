/**
 * A raw y-websocket connection for the adversary: sends any bytes, counts the server's
 * refusals (type 100) and close codes, and knows when the server has handled what it sent
 * (a ws ping answered) or flushed it to disk (a sync step 1 answered: the server answers only
 * once every accepted update is stored).
 */
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

const MESSAGE_SYNC = 0;
const MESSAGE_REJECTED = 100;

export class RawSocket {
  private ws: WebSocket | null = null;
  private greeted: Promise<void> = Promise.resolve();
  private readonly answers: (() => void)[] = [];
  /** Refusals (type 100) received so far. */
  rejections = 0;
  /** Closes the server made, by code. */
  readonly closes = new Map<number, number>();
  closedCount = 0;

  constructor(private readonly url: string) {}

  /** An open socket, reconnecting if the server closed the last one; resolves once the server greeted it. */
  async open(): Promise<WebSocket> {
    for (;;) {
      if (this.ws && this.ws.readyState === WebSocket.OPEN) {
        await this.greeted;
        return this.ws;
      }
      const ws = new WebSocket(this.url);
      ws.binaryType = 'nodebuffer';
      ws.on('error', () => {});
      let greet!: () => void;
      this.greeted = new Promise((resolve) => (greet = resolve));
      ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data), greet));
      ws.on('close', (code) => {
        this.closes.set(code, (this.closes.get(code) ?? 0) + 1);
        this.closedCount++;
        greet();
        for (const answer of this.answers.splice(0)) answer();
      });
      const opened = await new Promise<boolean>((resolve) => {
        ws.once('open', () => resolve(true));
        ws.once('close', () => resolve(false));
      });
      if (opened) this.ws = ws;
    }
  }

  private receive(message: Uint8Array, greet: () => void): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_REJECTED) this.rejections++;
    if (type !== MESSAGE_SYNC) return;
    const step = decoding.readVarUint(decoder);
    if (step === 0) greet();
    if (step === 1) this.answers.shift()?.();
  }

  /** Sends `frames` and resolves once the server has read them all (or closed the socket). */
  async send(frames: Uint8Array[]): Promise<void> {
    const ws = await this.open();
    for (const frame of frames) if (ws.readyState === WebSocket.OPEN) ws.send(frame);
    await handled(ws);
  }

  /** A sync step 1 round trip: resolves once everything the server accepted so far is stored and relayed. */
  async stored(stateVector: Uint8Array): Promise<void> {
    const ws = await this.open();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint8Array(encoder, stateVector);
    const answered = new Promise<void>((resolve) => this.answers.push(resolve));
    ws.send(encoding.toUint8Array(encoder));
    await answered;
  }

  close(): void {
    this.ws?.terminate();
  }
}

/** Resolves once the peer has answered a ping sent after everything else (or the socket closed). */
export function handled(ws: WebSocket): Promise<void> {
  if (ws.readyState !== WebSocket.OPEN) {
    return ws.readyState === WebSocket.CLOSED ? Promise.resolve() : new Promise((r) => ws.once('close', () => r()));
  }
  return new Promise((resolve) => {
    const done = () => {
      ws.off('pong', done);
      ws.off('close', done);
      resolve();
    };
    ws.on('pong', done);
    ws.on('close', done);
    ws.ping();
  });
}
