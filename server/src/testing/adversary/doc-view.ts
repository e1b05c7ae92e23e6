/**
 * The oracle's picture of a doc: each claim as plain JSON plus what JSON hides — which fields
 * are nested types, list content inside maps, Y types where plain values belong — so a
 * forged nested type cannot pass for a value. Built only from Yjs, never from the gate.
 */
import * as Y from 'yjs';
import { hasListContent, typeFingerprint } from './yjs-internals.js';

export interface ClaimView {
  /** 'YMap' for a claim; anything else is already wrong. */
  kind: string;
  fields: Record<string, unknown>;
  /** 'value' or the Y type's class name, per field. */
  shapes: Record<string, string>;
  /** Items without a key inside the claim map, its history's entries that are types, or comments that are types. */
  hiddenContent: string[];
}

const ANNOTATIONS = 'annotations';

export function annotationsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ANNOTATIONS);
}

/** The view of one claim key, or undefined when the key holds nothing. */
export function claimView(doc: Y.Doc, key: string): ClaimView | undefined {
  const annotations = annotationsOf(doc);
  if (!annotations.has(key)) return undefined;
  const value = annotations.get(key);
  if (!(value instanceof Y.Map)) {
    return { kind: value instanceof Y.AbstractType ? value.constructor.name : 'value', fields: { value: toJson(value) }, shapes: {}, hiddenContent: [] };
  }
  const fields: Record<string, unknown> = {};
  const shapes: Record<string, string> = {};
  const hiddenContent: string[] = [];
  if (hasListContent(value)) hiddenContent.push('list items in the claim map');
  value.forEach((v, k) => {
    fields[k] = toJson(v);
    shapes[k] = v instanceof Y.AbstractType ? v.constructor.name : 'value';
    if (v instanceof Y.Array && v.toArray().some((e) => e instanceof Y.AbstractType)) hiddenContent.push(`a type inside ${k}`);
    if (v instanceof Y.Map) {
      if (hasListContent(v)) hiddenContent.push(`list items in ${k}`);
      v.forEach((e) => e instanceof Y.AbstractType && hiddenContent.push(`a type inside ${k}`));
    }
  });
  return { kind: 'YMap', fields, shapes, hiddenContent };
}

function toJson(v: unknown): unknown {
  if (v instanceof Y.AbstractType) return v.toJSON();
  if (v instanceof Uint8Array) return { binary: Array.from(v) };
  return v;
}

/** Every claim key of the doc. */
export function claimKeys(doc: Y.Doc): string[] {
  return [...annotationsOf(doc).keys()];
}

/** Fingerprints of every root but the claims, and whether the claims root holds list items. */
export function rootsView(doc: Y.Doc): Record<string, string> {
  const roots: Record<string, string> = {};
  for (const [name, type] of doc.share) {
    if (name === ANNOTATIONS) {
      if (hasListContent(type)) roots[`${name} (list items)`] = typeFingerprint(type);
    } else {
      const fingerprint = typeFingerprint(type);
      if (fingerprint !== '{"keys":{},"list":[]}') roots[name] = fingerprint;
    }
  }
  return roots;
}

/** The whole doc as one comparable JSON string (claims by key, roots). */
export function docJson(doc: Y.Doc): string {
  const claims: Record<string, ClaimView | undefined> = {};
  for (const key of claimKeys(doc).sort()) claims[key] = claimView(doc, key);
  return JSON.stringify({ claims, roots: rootsView(doc) });
}
