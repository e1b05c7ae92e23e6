/**
 * The names of the offline copies' IndexedDB databases, apart from local-copy.ts so that
 * the end of a session can delete them without loading y-indexeddb and Yjs into the first screens.
 */

/** Every offline copy's database name starts with this (the end of a session deletes them all). */
export const LOCAL_COPY_PREFIX = 'factdesk:';

/** Deletes every article's offline copy (when a session ends: the next person must not see them). */
export async function deleteLocalCopies(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .map((db) => db.name)
      .filter((name): name is string => !!name?.startsWith(LOCAL_COPY_PREFIX))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            // Blocked: an open tab still holds it; it is deleted once that tab lets go.
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}
