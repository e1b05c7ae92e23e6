import { describe, expect, it } from 'vitest';
import { hasStrandedChanges } from '../hooks/use-unsent-warning.js';
import { connectionLabel } from './ConnectionStatus.js';

const live = { status: 'connected' as const, synced: true, closed: null, unsent: 0 };

describe('the connection status', () => {
  it('says all changes are saved when connected and synced', () => {
    expect(connectionLabel(live)).toBe('Connected · all changes saved');
  });

  it('counts the changes not yet sent while offline, in words', () => {
    const offline = { ...live, status: 'disconnected' as const, synced: false };
    expect(connectionLabel({ ...offline, unsent: 1 }, { online: false })).toBe('Offline · 1 change not yet sent');
    expect(connectionLabel({ ...offline, unsent: 3 }, { online: false })).toBe('Offline · 3 changes not yet sent');
    expect(connectionLabel(offline, { online: false })).toBe('Offline · all changes saved');
  });

  it('is offline when the server closed the connection for good', () => {
    expect(connectionLabel({ ...live, status: 'disconnected', closed: { code: 4401, reason: '' } })).toBe('Offline · all changes saved');
  });

  it('says reconnecting once it has been connected, with what is waiting', () => {
    const waiting = { ...live, status: 'connecting' as const, synced: false };
    expect(connectionLabel(waiting)).toBe('Connecting…');
    expect(connectionLabel(waiting, { connectedBefore: true })).toBe('Reconnecting…');
    expect(connectionLabel({ ...waiting, unsent: 2 }, { connectedBefore: true })).toBe('Reconnecting… · 2 changes not yet sent');
  });

  it('is not saved until the sync has happened', () => {
    expect(connectionLabel({ ...live, synced: false })).toBe('Connected · syncing…');
  });

  it('warns before closing only when changes cannot be sent now', () => {
    expect(hasStrandedChanges({ ...live, unsent: 0, status: 'disconnected' })).toBe(false);
    expect(hasStrandedChanges({ ...live, unsent: 1, status: 'disconnected' })).toBe(true);
    expect(hasStrandedChanges({ ...live, unsent: 1 })).toBe(false);
  });
});
