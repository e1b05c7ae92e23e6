/**
 * Presence must show who someone really is, and cost the room no more than its budget. The
 * server reads one entry of each incoming awareness update, keeps only the presence fields the
 * app uses, and stamps `user` with the identity it authenticated.
 */
import * as decoding from 'lib0/decoding';
import type { Actor } from '@factdesk/shared';

const PALETTE = ['#1f6feb', '#8250df', '#bf3989', '#c9510c', '#1a7f37', '#0a7ea4', '#9a6700', '#cf222e'];

/** A stable colour for a person. */
export function colourFor(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

/**
 * One entry of an awareness update: a client id, its clock, and its state as JSON (UTF-8, not
 * parsed yet). As read, `json` is a view into the message it arrived in: copy what is kept.
 */
export interface PresenceEntry {
  clientId: number;
  clock: number;
  json: Uint8Array;
}

/**
 * The first entry of an awareness update; null when it has none. A connection speaks for one
 * client id, and y-websocket sends its own state alone in a message: what follows the first
 * entry is other people's presence it echoes back (it re-sends every change it hears), so it is
 * not read. Throws when the first entry is cut short.
 */
export function readFirstEntry(update: Uint8Array): PresenceEntry | null {
  const decoder = decoding.createDecoder(update);
  if (decoding.readVarUint(decoder) === 0) return null;
  const clientId = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  const json = decoding.readVarUint8Array(decoder);
  // lib0 reads past the end of a view into the buffer around it rather than throwing.
  if (decoder.pos > update.byteLength) throw new RangeError('presence entry cut short');
  return { clientId, clock, json };
}

function sanitiseState(raw: unknown, user: PresenceUser): Record<string, unknown> {
  const state = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { user };
  const sel = state.selection as { start?: unknown; end?: unknown } | null | undefined;
  if (sel && Number.isInteger(sel.start) && Number.isInteger(sel.end)) {
    out.selection = { start: sel.start, end: sel.end };
  } else {
    out.selection = null;
  }
  out.editing = typeof state.editing === 'string' && state.editing.length <= 64 ? state.editing : null;
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The presence state `json` (from `actor`) as the room keeps and relays it: `null` when it
 * says they left, else their selection and the claim they edit, under their real identity.
 * Throws when it is not JSON.
 */
export function stampState(json: Uint8Array, actor: Actor): string {
  const state: unknown = JSON.parse(utf8.decode(json));
  if (state === null) return 'null';
  return JSON.stringify(sanitiseState(state, { id: actor.id, name: actor.name, color: colourFor(actor.id) }));
}
