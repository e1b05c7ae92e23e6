/**
 * Collaboration without a UI framework: open an article's Y.Doc over y-websocket, survive the
 * server's rejections, publish and read presence, and watch the doc through cached snapshots.
 */
export { openArticleSession, type ArticleSession, type ArticleSessionOptions, type ConnectionStatus, type SessionClosed } from './article-session.js';
export { articleSource, claimsSource, peersSource, type ArticleSnapshot, type DocSource } from './doc-sources.js';
export { colourFor, distinctPeople, presenceFromState, readPeers, type Peer, type Presence, type PresenceUser } from './presence.js';
export { messageRejected, readRejectedReason, writeRejected } from './rejected-message.js';
export { collabServerUrl } from './server-url.js';
