/** What the app keeps on this device for the person signed in: offline copies (IndexedDB) and remembered keys (localStorage). */
import type { Page } from 'playwright-core';

export interface KeptData {
  /** The offline copies' databases, `factdesk:<docId>`. */
  databases: string[];
  /** localStorage keys of the app (who signed in, the article list). */
  remembered: string[];
}

export class DeviceData {
  constructor(readonly page: Page) {}

  /** Everything of the app's that this browser holds now. */
  kept(): Promise<KeptData> {
    return this.page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('factdesk:')),
      remembered: Object.keys(localStorage).filter((key) => key.startsWith('factdesk:')),
    }));
  }
}
