/**
 * The contract between the websocket rooms and the rest of the server: how a room reads and
 * writes its durable log, and how a connection's user is known.
 */
import type { Actor, RuleOptions } from '@factdesk/shared';
import type * as Y from 'yjs';
import type { LogWriter } from './log-writer.js';

/** The durable log of one server's documents (SQLite by default). Calls are synchronous. */
export interface UpdateLog {
  /** The snapshot (if any) followed by every update appended since it, oldest first. */
  load(docId: string): Uint8Array[];
  /** Appends one accepted update; durable when it returns. */
  append(docId: string, update: Uint8Array): void;
  /** Appends several updates (of any documents, in order) in one transaction; durable when it returns. */
  appendMany(entries: readonly { docId: string; update: Uint8Array }[]): void;
  /** Number of updates appended since the last snapshot. */
  pendingSinceSnapshot(docId: string): number;
  /** Replaces the snapshot by `state` (the full doc state) and drops the updates it covers. */
  compact(docId: string, state: Uint8Array, upToUpdateCount: number): void;
  /**
   * Folds the stored updates into the snapshot off the event loop (a worker thread), from what
   * is on disk; resolves with how many updates it folded. Optional: without it rooms compact
   * synchronously. Never run it alongside `compact` for the same document.
   */
  compactInBackground?(docId: string): Promise<number>;
  /**
   * Appends several updates in a worker thread, so that the fsync does not stop the event
   * loop; one batch at a time. Optional: without it the writer appends on the event loop.
   */
  appendManyInBackground?(entries: readonly { docId: string; update: Uint8Array }[]): BackgroundAppend;
  /** Stops what the log runs in the background (its worker threads). */
  close?(): Promise<void>;
}

/** A batch of updates being appended in the background. */
export interface BackgroundAppend {
  /** Resolves once the batch is durable; rejects if it could not be written. */
  readonly done: Promise<void>;
  /** Blocks the thread until the batch is durable; throws if it could not be written. */
  wait(): void;
}

/** Who first wrote under each Yjs client id of a document (the database keeps it across restarts). */
export interface ClientOwnerStore {
  /** Client id → user id, for one document. */
  load(docId: string): Map<number, string>;
  /** Records that `userId` wrote under `client` in `docId` (the first binding stays). */
  bind(docId: string, client: number, userId: string): void;
}

/** Whether a document exists (rooms are only opened for existing documents). */
export type DocumentExists = (docId: string) => boolean;

/** Who is behind a websocket upgrade (a session cookie or `?token=`) and their session's id. Null when nobody. */
export type UpgradeAuthenticator = (req: import('node:http').IncomingMessage) => { id: string; actor: Actor } | null;

export interface RoomsOptions {
  log: UpdateLog;
  documentExists: DocumentExists;
  authenticate: UpgradeAuthenticator;
  /** Whether a session is still live; asked every `sessionCheckMs` for each open socket's session. Default: always. */
  sessionIsLive?: (sessionId: string) => boolean;
  /** How often open sockets' sessions are checked (expiry, revocation elsewhere); default 30 s. */
  sessionCheckMs?: number;
  /** PUBLIC_URL: then the only Origin an upgrade may come from. */
  publicUrl?: string;
  /** Told of an unexpected error while handling an upgrade (that socket alone is refused). */
  onError?: (message: string) => void;
  /** A room with no write for this long drops its doc and answers from the log (default 30 s; see resting-state.ts). */
  restAfterMs?: number;
  /**
   * Check every incoming update against the permission rules (default true). Only the
   * benchmark turns this off, to measure what the checks cost; nothing in the server does.
   */
  checkUpdates?: boolean;
  /** Maximum size of one incoming websocket message in bytes (default 1 MiB; close 1009). */
  maxMessageBytes?: number;
  /** Messages one connection may send in a burst (default 300; past it, close 4429). */
  messageBurst?: number;
  /** Messages per second one connection may send in the long run (default 100). */
  messagesPerSecond?: number;
  /** Open sockets per client address (default 50); the next upgrade is answered 429. */
  connectionsPerAddress?: number;
  /** How often a socket is pinged; one that has not answered the previous ping is dropped (default 30 s). */
  pingIntervalMs?: number;
  /** Behind a reverse proxy, count connections by the address in X-Forwarded-For. */
  trustProxy?: boolean;
  /** How long one person's edits of one claim are gathered into one history entry (default 1 s; rooms/follow-ups.ts). */
  editRecordDelayMs?: number;
  /** Where the owners of Yjs client ids are kept; in memory only without it (tests of a bare log). */
  owners?: ClientOwnerStore;
  /** A document's storage quota in bytes (default 64 MiB): past it, changes that add content are refused. */
  maxDocumentBytes?: number;
  /** The workspace rules in force, asked on every update (an admin setting may change them). Default DEFAULT_RULES. */
  rules?: () => RuleOptions;
  /** Told after claims of a loaded document changed (accepted updates and server-side changes alike). */
  onClaimsChanged?: ClaimsChangeListener;
  /** Told as updates are judged, written and relayed (../metrics/). */
  metrics?: RoomMetrics;
}

/** What the rooms report for the server's metrics; each hook is cheap and called on the hot path. */
export interface RoomMetrics {
  updateAccepted(): void;
  /** `reason` is the sentence the sender is told; the metrics sort it into a few kinds. */
  updateRefused(reason: string): void;
  /** An accepted update was relayed to the other peers, `seconds` after it was received. */
  updateDelivered(seconds: number): void;
  /** One batch of updates was made durable in `seconds`. */
  logCommitted(seconds: number): void;
}

/** The rooms as they are now, for the metrics' gauges. */
export interface RoomStats {
  sockets: number;
  awakeRooms: number;
  restingRooms: number;
  /** Bytes of updates held in every room until what they build on arrives. */
  heldBytes: number;
}

/**
 * Claims of one document changed. `claimIds` holds every claim created, changed or deleted in
 * one transaction; `actor` is the person whose update it was (null for the server's own
 * changes, e.g. reopening a signed-off claim or an import). Read the claims from `doc` with the
 * accessors of shared/ (readClaim), synchronously: the doc keeps changing afterwards.
 */
export interface ClaimsChange {
  docId: string;
  doc: Y.Doc;
  claimIds: string[];
  /** Per claim id, the fields written ('history' and 'thread' for their entries; '*' when the claim was created or deleted). */
  fields: ReadonlyMap<string, ReadonlySet<string>>;
  actor: Actor | null;
}

export type ClaimsChangeListener = (change: ClaimsChange) => void;

/** The limits a deployment (or a test) may tune. */
export type RoomLimits = Pick<
  RoomsOptions,
  'maxMessageBytes' | 'messageBurst' | 'messagesPerSecond' | 'connectionsPerAddress' | 'pingIntervalMs' | 'restAfterMs' | 'maxDocumentBytes' | 'editRecordDelayMs' | 'sessionCheckMs'
>;

export interface Rooms {
  /** Handles an HTTP upgrade on /collab/<docId>; refuses it before accepting when unauthenticated. */
  handleUpgrade(req: import('node:http').IncomingMessage, socket: import('node:stream').Duplex, head: Buffer): void;
  /** The user's rights or name changed: close their sockets so they reconnect with the new ones. */
  userChanged(userId: string): void;
  /** The user was deactivated: close their sockets for good (4401). */
  userDeactivated(userId: string): void;
  /** Every session of the user was revoked (a password reset): close their sockets for good (4401). */
  userSignedOut(userId: string): void;
  /** One session ended (signed out): close the sockets opened with it, and only those (4401). */
  sessionEnded(sessionId: string): void;
  /** Writes a server-side change into a document's room (loading it if needed); used by imports. */
  withDoc<T>(docId: string, fn: (doc: import('yjs').Doc) => T): T;
  /** Counts of sockets, rooms and held bytes, for the metrics. */
  stats(): RoomStats;
  /** Closes every socket (1001 going away) and flushes. */
  close(): Promise<void>;
}

/** What a room needs of a connection. */
export interface Peer {
  readonly actor: Actor;
  /** Sends `message`; `sent` runs once it has been handed to the network (or could not be). */
  send(message: Uint8Array, sent?: () => void): void;
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  checkUpdates?: boolean;
  editRecordDelayMs?: number;
  owners?: ClientOwnerStore;
  maxDocumentBytes?: number;
  /** Bytes of updates one peer may have held while they wait for what they build on (default 1 MiB). */
  heldBytesPerPeer?: number;
  /** Bytes of held updates in one room, all peers together (default 8 MiB). */
  heldBytesPerRoom?: number;
  onClaimsChanged?: ClaimsChangeListener;
  writer?: LogWriter;
  metrics?: RoomMetrics;
  /** Rest after this long without a write (default REST_AFTER_MS, rooms/room.ts). */
  restAfterMs?: number;
}
