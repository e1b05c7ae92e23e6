/**
 * Collaboration without a UI framework: open an article's Y.Doc over y-websocket with an offline
 * copy, count what is not yet sent, survive the server's rejections (re-applying the rest),
 * publish and read presence, and watch the doc through cached snapshots.
 */
export { openArticleSession, type ArticleSession, type ArticleSessionOptions, type ConnectionStatus, type SessionClosed } from './article-session.js';
export { EMPTY_OUTBOX, indexedDbCopy, type LocalCopy, type LocalCopyFactory, type Outbox } from './local-copy.js';
export { deleteLocalCopies, LOCAL_COPY_PREFIX } from './local-copy-names.js';
export { outboxTracker, type OutboxTracker } from './outbox.js';
export { changeKey, describeChange, pendingChanges, reapplyChanges, type DroppedChange, type PendingChange } from './reapply.js';
export { articleSource, claimsSource, peersSource, type ArticleSnapshot, type DocSource } from './doc-sources.js';
export type { ClaimsChange, ClaimsSnapshotSource } from './claims-source.js';
export { colourFor, distinctPeople, presenceFromState, readPeers, type Peer, type Presence, type PresenceUser } from './presence.js';
export { collabServerUrl } from './server-url.js';
