/**
 * "Rita is editing" on a claim card while someone else has that claim's editor open. The names
 * come from presence (the server stamps them), collected once per sidebar and handed down
 * through a context, so a card needs one line to show them.
 */
import { createContext, useContext } from 'react';
import { distinctPeople, type Peer } from '../collab/index.js';

/** Who else is editing which claim: claim id → names. */
export const ClaimEditorsContext = createContext<ReadonlyMap<string, string[]>>(new Map());

/** The names of the people other than `selfId` with each claim's editor open. */
export function editorsByClaim(peers: readonly Peer[], selfId: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const peer of distinctPeopleEditing(peers)) {
    if (peer.isLocal || peer.user.id === selfId || !peer.editing) continue;
    result.set(peer.editing, [...(result.get(peer.editing) ?? []), peer.user.name]);
  }
  return result;
}

/** One entry per person and claim (a person with two tabs on the same claim counts once). */
function distinctPeopleEditing(peers: readonly Peer[]): Peer[] {
  const byClaim = new Map<string, Peer[]>();
  for (const peer of peers) if (peer.editing) byClaim.set(peer.editing, [...(byClaim.get(peer.editing) ?? []), peer]);
  return [...byClaim.values()].flatMap((list) => distinctPeople(list));
}

/** "Rita is editing", "Rita and Sam are editing", "Rita, Sam and Tom are editing". */
export function editingText(names: readonly string[]): string {
  if (names.length === 1) return `${names[0]} is editing`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are editing`;
}

export function ClaimEditingBadge({ claimId }: { claimId: string }) {
  const names = useContext(ClaimEditorsContext).get(claimId);
  if (!names || names.length === 0) return null;
  return (
    <p className="claim-editing" role="status">
      <span aria-hidden="true">✎</span> {editingText(names)}
    </p>
  );
}
