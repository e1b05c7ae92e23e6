/**
 * Which version of the article is on screen: the current one (null), or an earlier one picked
 * in the version switcher, read-only, with the claims as they were placed in it
 * (editor/version-claims.ts). The choice is this screen's only, so it is kept here, not shared.
 */
import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { ArticleVersion, Claim } from '@factdesk/shared';
import { claimsAsOfVersion } from '../editor/version-claims.js';
import { useVersions } from './use-versions.js';

export interface VersionView {
  versions: ArticleVersion[];
  /** The earlier version on screen; null while the current one is. */
  earlier: ArticleVersion | null;
  /** The claims to show: all of them on the current version, those placed then on an earlier one. */
  claims: Claim[];
  show(version: number): void;
}

/** The version on screen and its claims; `current` is the article's current version. */
export function useVersionView(doc: Y.Doc, claims: Claim[], current: ArticleVersion | null): VersionView {
  const versions = useVersions(doc);
  const [picked, setPicked] = useState<number | null>(null);
  const earlier = picked !== null && current && picked < current.version ? (versions.find((v) => v.version === picked) ?? null) : null;
  const shown = useMemo(() => (earlier ? claimsAsOfVersion(claims, earlier.version) : claims), [earlier, claims]);
  return {
    versions,
    earlier,
    claims: shown,
    show: (version) => setPicked(current && version < current.version ? version : null),
  };
}
