import { createHash, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { orgPath } from '../services/orgs.js';
import { ApiError, errorBody } from './errors.js';

export const ROLES = ['filer', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who a request acts for: a token, its role and the organisation subtree it may change. */
export interface Principal {
  tokenId: number;
  role: Role;
  orgId: string;
  orgPath: string;
  /** The token's organisation has no parent: its scope is the whole platform. */
  root: boolean;
}

export interface AdminEnv {
  Variables: AppEnv['Variables'] & { principal: Principal };
}

/** A new token secret: shown once to whoever creates it; only its hash is stored. */
export const newSecret = () => `gk_${randomBytes(32).toString('base64url')}`;
export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

function unauthorized(c: Context, message: string, error?: 'invalid_token') {
  c.header('WWW-Authenticate', error ? `Bearer realm="gongkai", error="${error}"` : 'Bearer realm="gongkai"');
  return c.json(errorBody('unauthorized', message), 401);
}

/**
 * Resolves `Authorization: Bearer <secret>` to a principal: 401 when it is missing, unknown or
 * revoked. The secret is looked up by its hash, so it is neither stored nor compared in clear.
 */
export function bearerAuth(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    // Answers carry what a token may see: never kept by shared caches.
    c.header('Cache-Control', 'no-store');
    const secret = /^Bearer +(\S+) *$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!secret) return unauthorized(c, 'A bearer token is required.');
    const row = await c.var.store.db
      .selectFrom('tokens as t')
      .innerJoin('orgs as o', 'o.id', 't.org_id')
      .select(['t.id', 't.role', 't.org_id', 'o.path', 'o.parent_id'])
      .where('t.token_hash', '=', hashSecret(secret))
      .where('t.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return unauthorized(c, 'The token is unknown or revoked.', 'invalid_token');
    c.set('principal', { tokenId: row.id, role: row.role, orgId: row.org_id, orgPath: row.path, root: row.parent_id === null });
    await next();
  };
}

/** 403 unless the token has one of the roles. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (!roles.includes(c.var.principal.role)) throw new ApiError(403, 'forbidden', `This needs a token with the role ${roles.join(' or ')}.`);
    await next();
  };
}

/** Platform-wide settings (the taxonomy) need an admin token of a root organisation. */
export function requirePlatformAdmin(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const p = c.var.principal;
    if (p.role !== 'admin' || !p.root) {
      throw new ApiError(403, 'forbidden', 'The taxonomy is shared by the whole platform: this needs an admin token of a root organisation.');
    }
    await next();
  };
}

/** 403 unless the materialised path lies within the principal's subtree. */
export function assertPathInScope(principal: Principal, path: string): void {
  if (!path.startsWith(principal.orgPath)) throw new ApiError(403, 'forbidden', "The organisation is outside the token's scope.");
}

/** The org's path, once checked to lie within the principal's subtree (404 for an unknown org). */
export async function orgInScope(c: Context<AdminEnv>, orgId: string): Promise<string> {
  const path = await orgPath(c.var.store.db, orgId);
  assertPathInScope(c.var.principal, path);
  return path;
}
