/**
 * The websocket side of the server: authenticates upgrades on /collab/<docId>, keeps one
 * Room per open article, and cuts people off when their account changes.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { DEFAULT_RULES } from '@factdesk/shared';
import { isCrossOrigin } from '../auth/authenticate.js';
import { clientAddress } from '../http/session-routes.js';
import { CLOSE } from './protocol.js';
import { Connection, PING_INTERVAL_MS, type ConnectionLimits } from './connection.js';
import { DEFAULT_MESSAGE_RATE } from './message-rate.js';
import { Room } from './room.js';
import { LogWriter } from './log-writer.js';
import type { Rooms, RoomsOptions } from './types.js';

export type { ClaimsChange, ClaimsChangeListener, RoomLimits, RoomMetrics, Rooms, RoomsOptions, RoomStats, UpdateLog } from './types.js';
export { CLOSE, MESSAGE_REJECTED, readRejected } from './protocol.js';

const DOC_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
/** An idle room (nobody connected) is folded into a snapshot and unloaded after this. */
const UNLOAD_AFTER_MS = 30_000;
/** Default limits; see RoomsOptions and the README's "Limits". */
const MAX_MESSAGE_BYTES = 1024 * 1024;
const CONNECTIONS_PER_ADDRESS = 50;
/** How long a closing server waits for its peers to answer the close frame. */
const CLOSE_HANDSHAKE_MS = 1_000;
/** How long a socket may outlive its session (expiry, or a revocation this process was not told of). */
const SESSION_CHECK_MS = 30_000;

function refuse(socket: Duplex, status: number, text: string, error: string): void {
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The document id of an upgrade's path, or null (not /collab/<id>, a malformed escape, an id we never give out). */
function docIdOf(target: string): string | null {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  if (!path.startsWith('/collab/')) return null;
  let docId: string;
  try {
    docId = decodeURIComponent(path.slice('/collab/'.length));
  } catch {
    return null;
  }
  return DOC_ID.test(docId) ? docId : null;
}

/** Creates the rooms of one server. */
export function createRooms(options: RoomsOptions): Rooms {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? MAX_MESSAGE_BYTES });
  const rooms = new Map<string, Room>();
  /** Open connections and the session each was opened with. */
  const connections = new Map<Connection, string>();
  /** Open sockets (and upgrades under way) per client address. */
  const perAddress = new Map<string, number>();
  const maxPerAddress = options.connectionsPerAddress ?? CONNECTIONS_PER_ADDRESS;
  const limits: ConnectionLimits = {
    rate: {
      burst: options.messageBurst ?? DEFAULT_MESSAGE_RATE.burst,
      perSecond: options.messagesPerSecond ?? DEFAULT_MESSAGE_RATE.perSecond,
    },
    pingIntervalMs: options.pingIntervalMs ?? PING_INTERVAL_MS,
  };

  let closing = false;

  function release(address: string): void {
    const n = (perAddress.get(address) ?? 1) - 1;
    if (n > 0) perAddress.set(address, n);
    else perAddress.delete(address);
  }
  const unloadTimers = new Map<string, NodeJS.Timeout>();
  const rules = options.rules ?? (() => DEFAULT_RULES);
  /** One writer for every room: the updates of all rooms in one turn share a commit. */
  const writer = new LogWriter(options.log, { onCommitted: (seconds) => options.metrics?.logCommitted(seconds) });

  function drop(room: Room, code: number, reason: string): void {
    if (rooms.get(room.id) === room) rooms.delete(room.id);
    room.destroy(code, reason);
  }

  function open(docId: string): Room {
    clearTimeout(unloadTimers.get(docId));
    unloadTimers.delete(docId);
    let room = rooms.get(docId);
    if (!room) {
      room = new Room(docId, options.log, rules, (broken) => drop(broken, CLOSE.serverError, 'the server could not store a change'), {
        checkUpdates: options.checkUpdates ?? true,
        onClaimsChanged: options.onClaimsChanged,
        writer,
        restAfterMs: options.restAfterMs,
        owners: options.owners,
        maxDocumentBytes: options.maxDocumentBytes,
        editRecordDelayMs: options.editRecordDelayMs,
        metrics: options.metrics,
      });
      rooms.set(docId, room);
    }
    return room;
  }

  function scheduleUnload(room: Room): void {
    if (room.peers.size > 0 || unloadTimers.has(room.id)) return;
    const timer = setTimeout(() => {
      unloadTimers.delete(room.id);
      if (room.peers.size > 0 || rooms.get(room.id) !== room) return;
      room.compact();
      drop(room, CLOSE.goingAway, 'room closed');
    }, UNLOAD_AFTER_MS);
    timer.unref();
    unloadTimers.set(room.id, timer);
  }

  function closeUser(userId: string, code: number, reason: string): void {
    for (const c of connections.keys()) if (c.actor.id === userId) c.close(code, reason);
  }

  function closeSession(sessionId: string, reason: string): void {
    for (const [c, session] of connections) if (session === sessionId) c.close(CLOSE.unauthorized, reason);
  }

  const sessionIsLive = options.sessionIsLive;
  let sessionCheck: NodeJS.Timeout | undefined;
  /** Sessions end without anyone telling the rooms (expiry): each open socket's is checked now and then. */
  function checkSessions(): void {
    if (!sessionIsLive) return;
    const checked = new Map<string, boolean>();
    for (const session of [...connections.values()]) {
      if (!checked.has(session)) checked.set(session, sessionIsLive(session));
      if (!checked.get(session)) closeSession(session, 'your session ended');
    }
  }
  function watchSessions(): void {
    if (sessionCheck || !sessionIsLive) return;
    sessionCheck = setInterval(() => {
      if (connections.size === 0) {
        clearInterval(sessionCheck);
        sessionCheck = undefined;
      } else checkSessions();
    }, options.sessionCheckMs ?? SESSION_CHECK_MS);
    sessionCheck.unref();
  }

  /** Refuses, before accepting, anything that is not a signed-in person's socket on an existing document. */
  function accept(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (closing) return refuse(socket, 503, 'Service Unavailable', 'The server is shutting down');
    const docId = docIdOf(req.url ?? '/');
    if (docId === null) return refuse(socket, 404, 'Not Found', 'No such document');
    if (isCrossOrigin(req, { publicUrl: options.publicUrl, trustProxy: options.trustProxy })) {
      return refuse(socket, 403, 'Forbidden', 'Cross-site connections are not allowed');
    }
    const session = options.authenticate(req);
    if (!session) return refuse(socket, 401, 'Unauthorized', 'Sign in first');
    if (!options.documentExists(docId)) return refuse(socket, 404, 'Not Found', 'No such document');
    const address = clientAddress(req, options.trustProxy ?? false);
    if ((perAddress.get(address) ?? 0) >= maxPerAddress) {
      return refuse(socket, 429, 'Too Many Requests', 'Too many open connections from your address');
    }
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    // The slot is held from here: released when the socket closes, or if the handshake fails.
    let accepted = false;
    socket.once('close', () => {
      if (!accepted) release(address);
    });
    wss.handleUpgrade(req, socket, head, (ws) => {
      accepted = true;
      try {
        const room = open(docId);
        const connection = new Connection(
          ws,
          session.actor,
          room,
          (closed) => {
            connections.delete(closed);
            release(address);
            scheduleUnload(room);
          },
          limits,
        );
        connections.set(connection, session.id);
        watchSessions();
      } catch (error) {
        report(error);
        if (ws.readyState === ws.OPEN) ws.close(CLOSE.serverError, 'the server could not open this document');
        else ws.terminate();
        release(address);
      }
    });
  }

  function report(error: unknown): void {
    options.onError?.(`Unexpected error on a websocket upgrade: ${error instanceof Error ? error.stack : String(error)}`);
  }

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      try {
        accept(req, socket, head);
      } catch (error) {
        // One request's surprise must not end the process: refuse that socket alone.
        report(error);
        if (socket.writable) refuse(socket, 500, 'Internal Server Error', 'Something went wrong on the server. Please try again.');
        else socket.destroy();
      }
    },

    userChanged(userId: string): void {
      closeUser(userId, CLOSE.permissionsChanged, 'your account changed');
    },

    userDeactivated(userId: string): void {
      closeUser(userId, CLOSE.unauthorized, 'your account was deactivated');
    },

    userSignedOut(userId: string): void {
      closeUser(userId, CLOSE.unauthorized, 'signed out');
    },

    sessionEnded(sessionId: string): void {
      closeSession(sessionId, 'signed out');
    },

    withDoc(docId, fn) {
      const room = open(docId);
      try {
        return room.change(fn);
      } finally {
        scheduleUnload(room);
      }
    },

    stats() {
      const loaded = [...rooms.values()];
      const resting = loaded.filter((room) => room.isResting).length;
      return { sockets: connections.size, awakeRooms: loaded.length - resting, restingRooms: resting, heldBytes: loaded.reduce((sum, room) => sum + room.heldBytes, 0) };
    },

    async close(): Promise<void> {
      closing = true;
      clearInterval(sessionCheck);
      for (const timer of unloadTimers.values()) clearTimeout(timer);
      unloadTimers.clear();
      for (const room of [...rooms.values()]) {
        await room.settled();
        room.compact();
        drop(room, CLOSE.goingAway, 'server shutting down');
      }
      writer.flush();
      // Cut off now, a socket would see 1006 instead of the 1001 just sent: the peers get a
      // moment to answer the close frame, and whoever does not is dropped.
      await Promise.race([
        Promise.all([...wss.clients].map((ws) => new Promise((closed) => ws.once('close', closed)))),
        new Promise((late) => setTimeout(late, CLOSE_HANDSHAKE_MS).unref()),
      ]);
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
