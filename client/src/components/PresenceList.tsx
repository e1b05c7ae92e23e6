/** Who else is on the article, each with their colour dot and name (the name carries the meaning). */
import { distinctPeople, type Peer } from '../collab/index.js';

export function PresenceList({ peers, claimNumbers }: { peers: Peer[]; claimNumbers: Map<string, number> }) {
  const people = distinctPeople(peers);
  return (
    <div className="presence">
      <span className="presence-title" id="presence-title">
        Here now:
      </span>
      <ul className="presence-list" aria-labelledby="presence-title">
        {people.map((peer) => {
          const editing = peer.editing ? claimNumbers.get(peer.editing) : undefined;
          return (
            <li key={peer.clientId}>
              <span className="presence-dot" style={{ backgroundColor: peer.user.color }} aria-hidden="true" />
              {peer.user.name}
              {peer.isLocal && ' (you)'}
              {editing !== undefined && <span className="presence-note"> — editing claim {editing}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
