/**
 * The one message Factdesk adds to the y-websocket protocol: the server tells a client that an
 * update it sent broke a rule and was dropped. Wire format (lib0 encoding):
 * `[varUint 100][varString reason]`.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const messageRejected = 100;

/** Encodes a rejection (servers and tests use this). */
export function writeRejected(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageRejected);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/** Reads the reason of a rejection whose message type has already been read. */
export function readRejectedReason(decoder: decoding.Decoder): string {
  try {
    return decoding.readVarString(decoder);
  } catch {
    return 'the server refused it';
  }
}
