import type { DB } from '../db/index.js';
import type { MediaPlatform } from '../db/types.js';
import { orgPath } from '../services/orgs.js';
import { CITY_LEVEL } from './accounts.js';

/** Which accounts a route looks at: a platform, an organisation with its subtree, a county (`city`: the city's own). */
export interface AccountScope {
  platform?: MediaPlatform;
  org?: string;
  county?: string;
}

/** Accounts (`m`) narrowed to a scope; an unknown org or county is a 404, as in the account list. */
export async function scopedAccounts(db: DB, scope: AccountScope) {
  let q = db.selectFrom('media_accounts as m');
  if (scope.platform) q = q.where('m.platform', '=', scope.platform);
  if (scope.org) {
    const path = await orgPath(db, scope.org);
    q = q.where('m.org_id', 'in', db.selectFrom('orgs').select('id').where('path', 'like', `${path}%`));
  }
  if (scope.county === CITY_LEVEL) q = q.where('m.county', 'is', null);
  else if (scope.county) {
    await orgPath(db, scope.county);
    q = q.where('m.county', '=', scope.county);
  }
  return q;
}
