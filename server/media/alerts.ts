import type { DB } from '../db/index.js';
import type { MediaAlert } from '../schemas/media.js';
import { scopedAccounts, type AccountScope } from './account-scope.js';
import { platformLabel } from './labels.js';

/** DOMAIN §5: an account not updated for two weeks fails the inspection (僵尸/睡眠 account). */
export const DORMANT_AFTER_DAYS = 14;
/** A feed failing this many times in a row is reported: one failure may be a passing outage. */
export const FAILING_AFTER_FAILURES = 3;

const DAY_MS = 86_400_000;
const daysBetween = (since: string, now: Date) => Math.floor((now.getTime() - Date.parse(since)) / DAY_MS);

/**
 * Supervision warnings for the accounts of a scope (closed accounts excepted): `dormant` since the
 * last article (or since registration when none was ever harvested), `feed_failing` since the last
 * successful harvest (or registration). Longest-standing first.
 */
export async function mediaAlerts(db: DB, scope: AccountScope, now = new Date()): Promise<MediaAlert[]> {
  const accounts = await (await scopedAccounts(db, scope))
    .leftJoin('orgs as o', 'o.id', 'm.org_id')
    .leftJoin('media_harvests as h', 'h.account_id', 'm.id')
    .where('m.status', '!=', 'closed')
    .select(['m.id', 'm.name', 'm.platform', 'm.org_id', 'o.name as org_name', 'm.county', 'm.created_at', 'h.failures', 'h.last_success_at', 'h.last_error'])
    .select((eb) => eb.selectFrom('media_articles as a').whereRef('a.account_id', '=', 'm.id').select((e) => e.fn.max('a.published_at').as('x')).as('last_article_at'))
    .execute();
  const alerts: MediaAlert[] = [];
  for (const a of accounts) {
    const account = { id: a.id, name: a.name, platform: a.platform, platformLabel: platformLabel(a.platform), orgId: a.org_id, orgName: a.org_name ?? a.org_id, countyId: a.county };
    const lastArticle = (a.last_article_at as string | null) ?? null;
    const since = lastArticle ?? a.created_at;
    const days = daysBetween(since, now);
    if (days >= DORMANT_AFTER_DAYS) alerts.push({ kind: 'dormant', since, days, account, detail: lastArticle ? `最后更新于 ${since.slice(0, 10)}` : '从未发布' });
    const failures = Number(a.failures ?? 0);
    if (failures >= FAILING_AFTER_FAILURES) {
      const okSince = a.last_success_at ?? a.created_at;
      alerts.push({ kind: 'feed_failing', since: okSince, days: daysBetween(okSince, now), account, detail: `连续 ${failures} 次采集失败：${a.last_error ?? ''}` });
    }
  }
  return alerts.sort((x, y) => y.days - x.days || x.account.id - y.account.id);
}
