/**
 * The websocket message types: the y-websocket protocol (sync, awareness) plus our own
 * "rejected" message. Numeric constants with matching write/read pairs; see PROTOCOL.md.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/** Server → client: an update of yours was refused; it was not applied, stored or broadcast. */
export const MESSAGE_REJECTED = 100;

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

/** Writes a "rejected" message: the reason, readable by a person. */
export function writeRejected(encoder: encoding.Encoder, reason: string): void {
  encoding.writeVarUint(encoder, MESSAGE_REJECTED);
  encoding.writeVarString(encoder, reason);
}

/** Reads the reason of a "rejected" message whose type was already read. */
export function readRejected(decoder: decoding.Decoder): string {
  return decoding.readVarString(decoder);
}

/** Encodes a whole "rejected" message. */
export function encodeRejected(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  writeRejected(encoder, reason);
  return encoding.toUint8Array(encoder);
}
