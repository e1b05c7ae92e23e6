/**
 * Presence must show who someone really is. Each incoming awareness update is re-encoded
 * with the server-known identity in `user`, only the presence fields we use are kept, and a
 * connection may only speak for the awareness client ids it introduced.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { Actor } from '@factdesk/shared';

/** The largest presence state we relay, in characters of JSON. */
const MAX_STATE_CHARS = 4_000;

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

/**
 * Rewrites an awareness update from `actor`: entries for client ids owned by another
 * connection are dropped (`mayUse` says which are allowed). Returns the new update and, by
 * each client id it speaks for, the state written in it (JSON). Throws on a malformed update.
 */
export function rewriteAwarenessUpdate(
  update: Uint8Array,
  actor: Actor,
  mayUse: (clientId: number) => boolean,
): { update: Uint8Array; states: Map<number, string> } {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  const entries: [number, number, string][] = [];
  const user: PresenceUser = { id: actor.id, name: actor.name, color: colourFor(actor.id) };
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (!mayUse(clientId)) continue;
    let state: unknown = null;
    if (json.length <= MAX_STATE_CHARS) state = JSON.parse(json);
    const rewritten = state === null ? 'null' : JSON.stringify(sanitiseState(state, user));
    entries.push([clientId, clock, rewritten]);
  }
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return { update: encoding.toUint8Array(encoder), states: new Map(entries.map(([clientId, , json]) => [clientId, json])) };
}
