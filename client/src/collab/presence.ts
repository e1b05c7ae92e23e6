/**
 * Presence over Yjs awareness: what each person tells the others (who they are, the text they
 * selected as canonical offsets, the claim they are editing) and how the others are read back.
 * The server overwrites `user` with the identity it knows, so a display shows what arrives.
 */
import type { Awareness } from 'y-protocols/awareness';

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

export interface Presence {
  user: PresenceUser;
  selection: { start: number; end: number } | null;
  editing: string | null;
}

/** Someone connected to the article, by awareness client id. */
export interface Peer extends Presence {
  clientId: number;
  isLocal: boolean;
}

const PALETTE = ['#0969da', '#8250df', '#bf3989', '#1a7f37', '#9a6700', '#cf222e', '#0a7d8c', '#6639ba', '#953800', '#116329'];

/** A stable colour for a person, from their id. */
export function colourFor(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length];
}

/** Colours that are safe to put in a style attribute: hex, rgb()/hsl() or a colour name. */
const SAFE_COLOUR = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%/]+\)|[a-z]{3,20})$/i;

function isRange(value: unknown): value is { start: number; end: number } {
  const r = value as { start?: unknown; end?: unknown } | null;
  return !!r && Number.isInteger(r.start) && Number.isInteger(r.end) && (r.end as number) > (r.start as number) && (r.start as number) >= 0;
}

/** Reads one awareness state defensively: peers are other browsers, not trusted code. */
export function presenceFromState(state: unknown): Presence | null {
  const s = state as { user?: Partial<PresenceUser>; selection?: unknown; editing?: unknown } | null;
  const user = s?.user;
  if (!user || typeof user.name !== 'string' || !user.name) return null;
  const color = typeof user.color === 'string' && SAFE_COLOUR.test(user.color) ? user.color : colourFor(String(user.id ?? user.name));
  return {
    user: { id: String(user.id ?? ''), name: user.name.slice(0, 200), color },
    selection: isRange(s.selection) ? { start: s.selection.start, end: s.selection.end } : null,
    editing: typeof s.editing === 'string' ? s.editing : null,
  };
}

/** Everyone present, the local person first, then by name. */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const presence = presenceFromState(state);
    if (presence) peers.push({ ...presence, clientId, isLocal: clientId === awareness.clientID });
  });
  return peers.sort((a, b) => Number(b.isLocal) - Number(a.isLocal) || a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}

/** One entry per person (several tabs of the same person count once). */
export function distinctPeople(peers: Peer[]): Peer[] {
  const seen = new Set<string>();
  return peers.filter((p) => {
    const key = p.user.id || `client:${p.clientId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
