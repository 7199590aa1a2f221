import { z } from '@hono/zod-openapi';

/** The one error body of every route (DESIGN §5). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string(),
      issues: z
        .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string(), code: z.string().optional() }))
        .optional(),
    }),
  })
  .openapi('Error');

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).openapi({ type: 'integer' }),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).openapi({ type: 'integer' }),
});

export function listOf<T extends z.ZodTypeAny>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    })
    .openapi(name);
}

export type ErrorBody = z.infer<typeof ErrorBody>;
