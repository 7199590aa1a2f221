import { z } from '@hono/zod-openapi';

export const MediaTopicInput = z
  .object({
    label: z.string().trim().min(1).max(40).openapi({ example: '防汛专题' }),
    description: z.string().trim().max(200).nullable().default(null),
    keywords: z
      .array(z.string().trim().min(1).max(20))
      .max(50)
      .default([])
      .openapi({ description: 'An article whose title contains one of them joins the topic (matched as written: % and _ are plain characters)' }),
    orgId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .optional()
      .openapi({ description: "Whose topic it is (editable by tokens of that subtree); null: platform-wide, for root tokens only; default: the token's organisation" }),
    sort: z.number().int().min(-1000).max(1000).default(0).openapi({ description: 'Lower comes first' }),
  })
  .strict()
  .openapi('MediaTopicInput');

export const TopicArticleParams = z.object({
  id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, type: 'integer' }),
  articleId: z.coerce.number().int().positive().openapi({ param: { name: 'articleId', in: 'path' }, type: 'integer' }),
});

export const TopicArticleInput = z
  .object({ pinned: z.boolean().default(false).openapi({ description: 'Pinned articles come first in the topic, the latest pinned first' }) })
  .strict()
  .openapi('MediaTopicArticleInput');

export const AdminMediaTopic = z
  .object({
    id: z.number().int(),
    label: z.string(),
    description: z.string().nullable(),
    keywords: z.array(z.string()),
    orgId: z.string().nullable(),
    sort: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    curated: z
      .array(z.object({ articleId: z.number().int(), title: z.string(), pinnedAt: z.string().nullable() }))
      .openapi({ description: 'Articles added by hand, pinned ones first; articles matched by keyword are not listed' }),
  })
  .openapi('AdminMediaTopic');

export type MediaTopicInput = z.infer<typeof MediaTopicInput>;
export type AdminMediaTopic = z.infer<typeof AdminMediaTopic>;
