/**
 * The one message Factdesk adds to the y-websocket protocol, shared by the server that sends
 * it and the clients that read it: an update was refused (not applied, stored or broadcast).
 * Wire format (lib0 encoding): `[varUint 100][varString reason]`. See server/src/rooms/PROTOCOL.md.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** Server → client: an update of yours was refused. */
export const MESSAGE_REJECTED = 100;

/** Writes a "rejected" message: its type and the reason, readable by a person. */
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
