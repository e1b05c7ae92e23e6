/**
 * The websocket side of the server: authenticates upgrades on /collab/<docId>, keeps one
 * Room per open article, and cuts people off when their account changes.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { DEFAULT_RULES } from '@factdesk/shared';
import { CLOSE } from './protocol.js';
import { Connection } from './connection.js';
import { Room } from './room.js';
import type { Rooms, RoomsOptions } from './types.js';

export type { Rooms, RoomsOptions, UpdateLog } from './types.js';
export { CLOSE, MESSAGE_REJECTED, readRejected } from './protocol.js';

const DOC_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
/** An idle room (nobody connected) is folded into a snapshot and unloaded after this. */
const UNLOAD_AFTER_MS = 30_000;

function refuse(socket: Duplex, status: number, text: string, error: string): void {
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** A cross-site page must not open a socket with the user's cookie. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Creates the rooms of one server. */
export function createRooms(options: RoomsOptions): Rooms {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? 1024 * 1024 });
  const rooms = new Map<string, Room>();
  const connections = new Set<Connection>();
  const unloadTimers = new Map<string, NodeJS.Timeout>();
  const rules = DEFAULT_RULES;

  function drop(room: Room, code: number, reason: string): void {
    if (rooms.get(room.id) === room) rooms.delete(room.id);
    room.destroy(code, reason);
  }

  function open(docId: string): Room {
    clearTimeout(unloadTimers.get(docId));
    unloadTimers.delete(docId);
    let room = rooms.get(docId);
    if (!room) {
      room = new Room(docId, options.log, rules, (broken) => drop(broken, CLOSE.serverError, 'the server could not store a change'), options.checkUpdates ?? true);
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
    for (const c of connections) if (c.actor.id === userId) c.close(code, reason);
  }

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const docId = decodeURIComponent(path.slice('/collab/'.length));
      if (!path.startsWith('/collab/') || !DOC_ID.test(docId)) return refuse(socket, 404, 'Not Found', 'No such document');
      if (!sameOrigin(req)) return refuse(socket, 403, 'Forbidden', 'Cross-site connections are not allowed');
      const actor = options.authenticate(req);
      if (!actor) return refuse(socket, 401, 'Unauthorized', 'Sign in first');
      if (!options.documentExists(docId)) return refuse(socket, 404, 'Not Found', 'No such document');
      wss.handleUpgrade(req, socket, head, (ws) => {
        const room = open(docId);
        const connection = new Connection(ws, actor, room, (closed) => {
          connections.delete(closed);
          scheduleUnload(room);
        });
        connections.add(connection);
      });
    },

    userChanged(userId: string): void {
      closeUser(userId, CLOSE.permissionsChanged, 'your account changed');
    },

    userDeactivated(userId: string): void {
      closeUser(userId, CLOSE.unauthorized, 'your account was deactivated');
    },

    withDoc(docId, fn) {
      const room = open(docId);
      try {
        return room.change(fn);
      } finally {
        scheduleUnload(room);
      }
    },

    async close(): Promise<void> {
      for (const timer of unloadTimers.values()) clearTimeout(timer);
      unloadTimers.clear();
      for (const room of [...rooms.values()]) {
        room.compact();
        drop(room, CLOSE.goingAway, 'server shutting down');
      }
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
