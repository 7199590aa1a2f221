import type { DB } from '../db/index.js';
import { hashSecret, newSecret, ROLES, type Role } from '../http/auth.js';
import { audit } from './admin-audit.js';
import { orgPath } from './orgs.js';

export interface TokenInfo {
  id: number;
  name: string;
  role: Role;
  orgId: string;
  createdAt: string;
  revokedAt: string | null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Creates a token and returns its secret, which exists nowhere else: only its hash is stored. */
export async function createToken(db: DB, input: { name: string; orgId: string; role: Role }): Promise<{ id: number; secret: string }> {
  await orgPath(db, input.orgId);
  const secret = newSecret();
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('tokens')
      .values({ name: input.name, token_hash: hashSecret(secret), role: input.role, org_id: input.orgId, created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { tokenId: null, action: 'token.create', target: `token:${row.id}`, detail: { name: input.name, role: input.role, orgId: input.orgId } });
    return row.id;
  });
  return { id, secret };
}

export async function listTokens(db: DB): Promise<TokenInfo[]> {
  const rows = await db.selectFrom('tokens').select(['id', 'name', 'role', 'org_id', 'created_at', 'revoked_at']).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, orgId: r.org_id, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

/** Revokes a token; false when there is no such token or it was already revoked. */
export async function revokeToken(db: DB, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await audit(trx, { tokenId: null, action: 'token.revoke', target: `token:${id}` });
    return true;
  });
}
