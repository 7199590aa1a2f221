import type { DB } from '../db/index.js';
import type { Principal } from '../http/auth.js';
import type { AuditEntry } from '../schemas/admin.js';

export interface AuditInput {
  /** Null for changes made from the command line. */
  tokenId: number | null;
  action: string;
  target: string;
  detail?: Record<string, unknown>;
}

/** Records one change; call it inside the change's own transaction so neither exists without the other. */
export async function audit(db: DB, entry: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      token_id: entry.tokenId,
      action: entry.action,
      target: entry.target,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

/**
 * Latest first. A root admin sees every entry; others see the changes made with tokens of their
 * own subtree.
 */
export async function listAudit(db: DB, principal: Principal, limit: number): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('tokens as t', 't.id', 'a.token_id')
    .leftJoin('orgs as o', 'o.id', 't.org_id')
    .select(['a.id', 'a.at', 'a.token_id', 't.name as token_name', 'a.action', 'a.target', 'a.detail'])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit);
  if (!principal.root) q = q.where('o.path', 'like', `${principal.orgPath}%`);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    tokenId: r.token_id,
    tokenName: r.token_name,
    action: r.action,
    target: r.target,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
