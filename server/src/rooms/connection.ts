/**
 * One websocket in a room: reads y-websocket frames, hands them to the room, and keeps the
 * socket honest (ping/pong liveness, malformed frames close only this connection).
 */
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type { Actor } from '@factdesk/shared';
import { CLOSE, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from './protocol.js';
import type { Peer, Room } from './room.js';
import { TokenBucket, type MessageRate } from './message-rate.js';

/** A peer that does not answer a ping within this time is dropped. */
export const PING_INTERVAL_MS = 30_000;

/** How one connection is kept in check. */
export interface ConnectionLimits {
  rate: MessageRate;
  pingIntervalMs: number;
}

class MalformedMessage extends Error {}

export class Connection implements Peer {
  private alive = true;
  private pinger: NodeJS.Timeout;
  private readonly bucket: TokenBucket;
  private closing = false;
  private corked = false;

  constructor(
    private readonly ws: WebSocket,
    readonly actor: Actor,
    private readonly room: Room,
    private readonly onClose: (connection: Connection) => void,
    limits: ConnectionLimits,
  ) {
    this.bucket = new TokenBucket(limits.rate);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary));
    ws.on('pong', () => (this.alive = true));
    ws.on('close', () => this.closed());
    ws.on('error', () => ws.terminate());
    // Sockets opened together (every client reconnecting after a restart) would ping together
    // for ever, a burst every interval: each starts at its own offset in the first one.
    this.pinger = setTimeout(() => {
      this.ping();
      this.pinger = setInterval(() => this.ping(), limits.pingIntervalMs);
      this.pinger.unref();
    }, limits.pingIntervalMs * (0.5 + Math.random() / 2));
    this.pinger.unref();
    room.join(this);
  }

  send(message: Uint8Array, sent?: () => void): void {
    if (this.ws.readyState !== this.ws.OPEN) return void sent?.();
    this.corkUntilNextTick();
    this.ws.send(message, sent && (() => sent()));
  }

  /**
   * A busy room sends a peer many messages in one turn (every update of a group commit): the
   * socket is corked until the turn ends, so they leave in one write instead of one system call
   * each. ws has no public handle on its socket; `_socket` has been there since ws 1.
   */
  private corkUntilNextTick(): void {
    if (this.corked) return;
    const socket = (this.ws as unknown as { _socket?: Duplex })._socket;
    if (!socket) return;
    this.corked = true;
    socket.cork();
    process.nextTick(() => {
      this.corked = false;
      socket.uncork();
    });
  }

  close(code: number, reason: string): void {
    this.closing = true; // what is still buffered is not read
    this.ws.close(code, reason);
  }

  private ping(): void {
    if (!this.alive) {
      this.ws.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closing) return; // closing: what is still buffered is not read
    if (!this.bucket.take()) {
      this.closing = true;
      this.close(CLOSE.rateLimited, 'too many messages');
      return;
    }
    try {
      if (!isBinary) throw new MalformedMessage('text frames are not part of the protocol');
      this.dispatch(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (error) {
      this.closing = true;
      const reason = error instanceof MalformedMessage ? error.message : 'malformed message';
      this.close(CLOSE.malformed, reason);
    }
  }

  private dispatch(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const step = decoding.readVarUint(decoder);
        if (step === syncProtocol.messageYjsSyncStep1) {
          this.room.answerSyncStep1(this, decoding.readVarUint8Array(decoder));
        } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
          const outcome = this.room.receiveUpdate(this, decoding.readVarUint8Array(decoder));
          if (outcome === 'malformed') throw new MalformedMessage('the change could not be decoded');
        } else {
          throw new MalformedMessage('unknown sync message');
        }
        return;
      }
      case MESSAGE_AWARENESS:
        this.room.presence.receive(this, decoding.readVarUint8Array(decoder));
        return;
      case MESSAGE_QUERY_AWARENESS:
        this.room.presence.sendAll(this);
        return;
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
  }

  private closed(): void {
    clearInterval(this.pinger);
    this.room.leave(this);
    this.onClose(this);
  }
}
