/**
 * The websocket message types: the y-websocket protocol (sync, awareness) plus our own
 * "rejected" message, and the close codes. See PROTOCOL.md.
 */
import * as encoding from 'lib0/encoding';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/** Server → client: an update of yours was refused (shared/src/protocol.ts has its write/read pair). */
export { MESSAGE_REJECTED, encodeRejected, readRejected, writeRejected } from '@factdesk/shared';

/** Close codes. 4400–4499 tell the y-websocket client not to reconnect; 4500+ to retry later. */
export const CLOSE = {
  goingAway: 1001,
  /** A message over `maxMessageBytes` (ws's maxPayload). */
  tooBig: 1009,
  malformed: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  /** "too many messages": over the per-connection rate (message-rate.ts). */
  rateLimited: 4429,
  permissionsChanged: 4500,
  serverError: 4503,
} as const;

/** One message of the sync protocol carrying `payload` as `type` (y-protocols' step 1, step 2 or update). */
export function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  const header = encoding.createEncoder();
  encoding.writeVarUint(header, MESSAGE_SYNC);
  encoding.writeVarUint(header, type);
  encoding.writeVarUint(header, payload.byteLength);
  // One copy of the payload (a whole article can be megabytes), not the encoder's several.
  const head = encoding.toUint8Array(header);
  const message = new Uint8Array(head.byteLength + payload.byteLength);
  message.set(head);
  message.set(payload, head.byteLength);
  return message;
}
