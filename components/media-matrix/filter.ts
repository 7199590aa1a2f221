// The same fuse.js basic build as gk-policy-search's suggestions, but its other file, so each widget
// bundles a copy: a chunk shared by both cost gk-policy-search ~200 B gzip, over its budget.
import Fuse from 'fuse.js/min-basic';
import type { MediaAccount } from '../../server/schemas/media.js';

/**
 * The accounts matching what was typed in the filter box, in their original order (the grid keeps
 * its grouping): fuzzy over name, organisation and platform, so a slip or a partial name still matches.
 */
export function filterAccounts(accounts: readonly MediaAccount[], q: string, platformName: (a: MediaAccount) => string): MediaAccount[] {
  const fuse = new Fuse(accounts, {
    keys: ['name', 'orgName', { name: 'platform', getFn: (a) => [a.platformLabel, platformName(a)] }],
    ignoreLocation: true,
    threshold: 0.4,
  });
  const hits = new Set(fuse.search(q).map((hit) => hit.item));
  return accounts.filter((a) => hits.has(a));
}
