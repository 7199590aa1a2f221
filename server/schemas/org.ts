import { z } from '@hono/zod-openapi';

export const ORG_KINDS = ['state', 'province', 'city', 'department', 'county', 'zone', 'township'] as const;

export const Org = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: z.enum(ORG_KINDS),
    divisionCode: z.string().nullable().openapi({ description: 'GB/T 2260 code where one exists' }),
    creditCode: z.string().nullable().openapi({ description: '统一社会信用代码, the 机构代码 of 索引号' }),
  })
  .openapi('Org');

export const OrgList = z.object({ items: z.array(Org), total: z.number().int() }).openapi('OrgList');

export const OrgListQuery = z
  .object({
    root: z.string().min(1).max(64).optional().openapi({ description: 'Only this organisation and its subtree' }),
    kind: z.enum(ORG_KINDS).optional(),
  })
  .strict();

export type Org = z.infer<typeof Org>;
export type OrgKind = (typeof ORG_KINDS)[number];
