import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@factdesk/shared';
import type { IdleHost } from '../app/page-idle.js';
import { rememberedUser, rememberWhenIdle } from './offline-memory.js';

const olga: Actor = { id: 'u-olga', login: 'olga', name: 'Olga', role: 'annotator' };
const ben: Actor = { id: 'u-ben', login: 'ben', name: 'Ben', role: 'reviewer' };

/** The browser's localStorage, as Node has none: a plain in-memory Storage. */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, String(value));
  removeItem = (key: string) => void this.items.delete(key);
}

/** A loaded page whose one idle period the test starts. */
function idlePage() {
  let idle: Parameters<IdleHost['requestIdle']>[0] | null = null;
  const host: IdleHost = { readyState: () => 'complete', onLoad: () => {}, requestIdle: (run) => void (idle = run), now: () => 0 };
  return { host, becomeIdle: () => idle?.({ timeRemaining: () => 50, didTimeout: false }) };
}

describe('remembering who signed in, once the page is idle', () => {
  beforeEach(() => void ((globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage()));
  afterEach(() => void delete (globalThis as { localStorage?: unknown }).localStorage);

  it('writes nothing on the way to the first paint, and the person once the page is idle', () => {
    const page = idlePage();
    rememberWhenIdle(olga, () => olga, page.host);
    expect(rememberedUser()).toBeNull();
    page.becomeIdle();
    expect(rememberedUser()).toEqual(olga);
  });

  it('does not bring back a person who signed out, or was replaced, before the page was idle', () => {
    const signedOut = idlePage();
    rememberWhenIdle(olga, () => null, signedOut.host);
    signedOut.becomeIdle();
    expect(rememberedUser()).toBeNull();

    const replaced = idlePage();
    rememberWhenIdle(olga, () => ben, replaced.host);
    replaced.becomeIdle();
    expect(rememberedUser()).toBeNull();
  });
});
