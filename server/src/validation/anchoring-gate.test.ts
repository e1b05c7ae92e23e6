/**
 * The gate on the fields a new version adds to claims (anchor state, checked version, earlier
 * targets): the server writes them on a new version; whoever may edit a claim triages it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticleVersion,
  archiveClaim,
  confirmSuggestion,
  createClaim,
  importPlainText,
  readClaim,
  reattachClaim,
  writeArticleVersion,
  writeMeta,
  type Actor,
  type Target,
} from '@factdesk/shared';
import { checkWithBothGates } from '../testing/both-gates.js';
import { SERVER_PERSON } from './sign-off.js';

const people = {
  viewer: { id: 'u-viewer', login: 'vera', name: 'Vera Viewer', role: 'viewer' },
  author: { id: 'u-ann', login: 'anna', name: 'Anna Annotator', role: 'annotator' },
  other: { id: 'u-other', login: 'otto', name: 'Otto Other', role: 'annotator' },
  reviewer: { id: 'u-rev', login: 'rita', name: 'Rita Reviewer', role: 'reviewer' },
  admin: { id: 'u-admin', login: 'admin', name: 'Ada Admin', role: 'admin' },
} satisfies Record<string, Actor>;
const ref = (a: Actor) => ({ id: a.id, name: a.name });

const V1 = 'Title\nThe vote was 93 in favour, 18 against.\nThe end.';
const V2 = 'Title\nThe vote was 93 in favor, 18 against.\nThe end.';

/** A server doc whose claim by Anna changed with version 2. */
function serverDoc() {
  const doc = new Y.Doc();
  writeMeta(doc, { title: 'Article' });
  writeArticleVersion(doc, { version: 1, doc: importPlainText(V1), textHash: 'v1', createdAt: new Date().toISOString() });
  const start = 'The vote was '.length + 'Title\n'.length;
  const target: Target = { version: 1, quote: { exact: '93 in favour', prefix: 'Title\nThe vote was ', suffix: ', 18 against.\nThe end.' }, position: { start, end: start + 12 } };
  const id = createClaim(doc, ref(people.author), { target, verdict: 'true', rationale: '', sources: [] });
  addArticleVersion(doc, importPlainText(V2), SERVER_PERSON);
  return { doc, id };
}

function attempt(actor: Actor, change: (doc: Y.Doc, id: string) => void) {
  const { doc, id } = serverDoc();
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  change(client, id);
  return checkWithBothGates(doc, Y.mergeUpdates(updates), actor, new Map());
}

const claimMap = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>('annotations').get(id)!;
const confirm = (doc: Y.Doc, id: string) => {
  const claim = readClaim(doc, id)!;
  confirmSuggestion(doc, claim, claim.anchor!.suggestions[0]);
};
const reattach = (doc: Y.Doc, id: string) =>
  reattachClaim(doc, readClaim(doc, id)!, { version: 2, quote: { exact: 'The vote', prefix: 'Title\n', suffix: ' was 93' }, position: { start: 6, end: 14 } });
const archive = (doc: Y.Doc, id: string) => archiveClaim(doc, readClaim(doc, id)!, 2);

type Row = [string, keyof typeof people, (doc: Y.Doc, id: string, actor: Actor) => void, boolean];

const rows: Row[] = [
  ['confirm the suggestion for their own changed claim', 'author', confirm, true],
  ['confirm the suggestion for another person\'s claim', 'other', confirm, false],
  ['confirm the suggestion for another person\'s claim', 'reviewer', confirm, false],
  ['confirm the suggestion for another person\'s claim', 'admin', confirm, true],
  ['re-attach their own claim to a selection', 'author', reattach, true],
  ['re-attach another person\'s claim', 'other', reattach, false],
  ['archive their own claim', 'author', archive, true],
  ['archive another person\'s claim', 'reviewer', archive, false],
  ['archive a claim', 'viewer', archive, false],
  ['archive another person\'s claim', 'admin', archive, true],
  ['set the checked version of their own claim', 'author', (doc, id) => claimMap(doc, id).set('checkedVersion', 2), true],
  ['store an anchor state of the wrong shape', 'author', (doc, id) => claimMap(doc, id).set('anchor', { state: 'lost' }), false],
  ['rewrite the earlier targets of their own claim', 'author', (doc, id) => claimMap(doc, id).set('pastTargets', []), false],
  ['rewrite the earlier targets of a claim', 'admin', (doc, id) => claimMap(doc, id).set('pastTargets', []), false],
  [
    'create a claim that claims to be re-anchored',
    'author',
    (doc, _id, a) => {
      const id = createClaim(doc, ref(a), { target: readClaim(doc, _id)!.target, verdict: 'true', rationale: '', sources: [] });
      claimMap(doc, id).set('anchor', { state: 'anchored', version: 2, previous: null, suggestions: [] });
    },
    false,
  ],
];

describe('the gate on re-anchoring fields', () => {
  it.each(rows)('%s as %s', (_label, who, change, allowed) => {
    const actor = people[who];
    const result = attempt(actor, (doc, id) => change(doc, id, actor));
    expect(result.ok ? 'allowed' : `refused: ${result.reason}`).toMatch(allowed ? /^allowed$/ : /^refused/);
  });
});
