/**
 * A room's presence on its own, with peers that record what they are sent and a clock the test
 * moves: each connection's budget in messages and bytes, the latest state kept over budget, and
 * a flood that leaves the room with one bounded state per connection.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { Actor } from '@factdesk/shared';
import { RoomPresence } from './room-presence.js';
import { DEFAULT_PRESENCE_LIMITS, type PresenceLimits } from './presence-budget.js';
import { MESSAGE_AWARENESS } from './protocol.js';
import type { Peer } from './room.js';

interface Relayed {
  clientId: number;
  clock: number;
  state: { user?: { name?: string }; selection?: { start: number; end: number } | null; padding?: string } | null;
}

/** A peer that decodes the presence it is sent. */
function peer(name: string) {
  const relayed: Relayed[][] = [];
  let bytes = 0;
  const actor = { id: `u-${name}`, name, role: 'annotator' } as Actor;
  const self: Peer = {
    actor,
    send(message) {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return;
      bytes += message.byteLength;
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      relayed.push(
        Array.from({ length: decoding.readVarUint(update) }, () => ({
          clientId: decoding.readVarUint(update),
          clock: decoding.readVarUint(update),
          state: JSON.parse(decoding.readVarString(update)) as Relayed['state'],
        })),
      );
    },
    close: vi.fn(),
  };
  return { peer: self, relayed, bytes: () => bytes };
}

function update(entries: [clientId: number, clock: number, state: unknown][]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/** Lets the room take what it deferred (presence is taken after the turn). */
const turn = () => new Promise((resolve) => setImmediate(resolve));

let now = 0;
const rooms: RoomPresence[] = [];
afterEach(() => {
  for (const room of rooms.splice(0)) room.destroy();
  now = 0;
});

function room(limits: Partial<PresenceLimits> = {}) {
  const peers = new Map<Peer, Set<number>>();
  const presence = new RoomPresence(peers, { ...DEFAULT_PRESENCE_LIMITS, ...limits }, () => now);
  rooms.push(presence);
  const join = (name: string) => {
    const p = peer(name);
    peers.set(p.peer, new Set());
    presence.sendAll(p.peer);
    return p;
  };
  return { presence, peers, join };
}

/** The client ids whose clocks the room keeps, but for its own. */
const theirClocks = (presence: RoomPresence) => [...presence.awareness.meta.keys()].filter((id) => id !== presence.awareness.clientID);
const clocksOf = (relayed: Relayed[][], clientId: number) => relayed.flat().filter((e) => e.clientId === clientId).map((e) => e.clock);

describe('the presence budget of a connection', () => {
  it('relays a burst of states, then keeps only the latest until the budget has room for it', async () => {
    const { presence, join } = room({ messageBurst: 5, messagesPerSecond: 10 });
    const anna = join('Anna');
    const otto = join('Otto');
    for (let clock = 1; clock <= 20; clock++) {
      presence.receive(anna.peer, update([[7, clock, { selection: { start: clock, end: clock + 1 } }]]));
      await turn();
    }
    expect(clocksOf(otto.relayed, 7)).toEqual([1, 2, 3, 4, 5]);

    now += 100; // one more message's worth
    await vi.waitFor(() => expect(clocksOf(otto.relayed, 7)).toEqual([1, 2, 3, 4, 5, 20]));
    expect(otto.relayed.flat().at(-1)?.state?.selection).toEqual({ start: 20, end: 21 });
  });

  it('counts the bytes of each state against the budget', async () => {
    const { presence, join } = room({ byteBurst: 4_000, bytesPerSecond: 10_000 });
    const anna = join('Anna');
    const otto = join('Otto');
    const padded = (clock: number) => {
      const state = { selection: null, padding: '' };
      state.padding = 'x'.repeat(1_000 - JSON.stringify(state).length);
      return update([[7, clock, state]]);
    };
    for (let clock = 1; clock <= 10; clock++) {
      presence.receive(anna.peer, padded(clock));
      await turn();
    }
    expect(clocksOf(otto.relayed, 7)).toEqual([1, 2, 3, 4]);
    expect(otto.relayed.flat()[0].state).not.toHaveProperty('padding'); // only what the app uses is relayed

    now += 100; // a thousand bytes' worth
    await vi.waitFor(() => expect(clocksOf(otto.relayed, 7)).toEqual([1, 2, 3, 4, 10]));
  });

  it('answers a query for everyone from the budget, after the greeting', async () => {
    const { presence, join } = room({ messageBurst: 3 });
    const anna = join('Anna');
    presence.receive(anna.peer, update([[7, 1, { selection: null }]]));
    await turn();
    const otto = join('Otto');
    expect(otto.relayed).toHaveLength(1); // greeted with everyone's presence
    for (let i = 0; i < 10; i++) presence.sendAll(otto.peer);
    expect(otto.relayed).toHaveLength(1 + 3);
  });
});

describe("a room's presence under a flood", () => {
  it('keeps one bounded state per connection and relays little of a flood of client ids', async () => {
    const { presence, peers, join } = room();
    const vera = join('Vera');
    const watchers = ['Otto', 'Paul', 'Rita'].map(join);
    for (let message = 0; message < 5; message++) {
      const entries = Array.from({ length: 20_000 }, (_, i): [number, number, unknown] => [1_000 + message * 20_000 + i, 1, { selection: null }]);
      presence.receive(vera.peer, update(entries));
      await turn();
    }
    expect(presence.awareness.getStates().size).toBe(1);
    expect(theirClocks(presence)).toEqual([1_000]);
    expect([...peers.get(vera.peer)!]).toEqual([1_000]);
    for (const watcher of watchers) expect(watcher.bytes()).toBeLessThan(1_000);

    peers.delete(vera.peer);
    presence.forget(new Set([1_000]));
    expect(presence.awareness.getStates().size).toBe(0);
    expect(theirClocks(presence)).toEqual([]);
  });

  it('relays at most one state per connection and slice, however many a connection sends', async () => {
    const { presence, join } = room();
    const people = ['Anna', 'Bert', 'Carl'].map(join);
    people.forEach((p, i) => {
      for (let clock = 1; clock <= 10; clock++) presence.receive(p.peer, update([[100 + i, clock, { selection: null }]]));
    });
    await turn();
    expect(people[0].relayed).toHaveLength(1);
    expect(people[0].relayed[0].map((e) => [e.clientId, e.clock])).toEqual([[100, 10], [101, 10], [102, 10]]);
  });
});
