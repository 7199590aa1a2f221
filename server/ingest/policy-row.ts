import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalDocNo, docNoKey, parseDocNo } from './doc-no.js';
import { adoptedDate, parseDate } from './dates.js';
import { AUDIENCE_LABELS, LEVEL_LABELS, TYPE_LABELS, VALIDITY_LABELS, byLabel } from './labels.js';
import { imagesIn, inferForm, inferSpeaker } from '../lineage/interpretation-media.js';
import { INTERPRETATION_FORMS } from '../schemas/lineage.js';
import type { PolicyInput } from './policy-input.js';
import { htmlToText, sanitizeBody, textToHtml } from './sanitize.js';

/** Why a row was rejected; the import reports it with the row's line. */
export class RowError extends Error {}

/** Column names that Chinese CMS exports use, mapped to the record's fields. */
const ALIASES: Record<string, string> = {
  标题: 'title',
  名称: 'title',
  文号: 'docNo',
  发文字号: 'docNo',
  索引号: 'indexNo',
  发文机关: 'issuers',
  发布机构: 'issuers',
  机构: 'org',
  所属机构: 'org',
  层级: 'level',
  政策层级: 'level',
  文种: 'type',
  类型: 'type',
  服务对象类型: 'audience',
  有效性: 'validity',
  效力状态: 'validity',
  成文日期: 'writtenAt',
  发布日期: 'publishedAt',
  发文日期: 'publishedAt',
  时间: 'publishedAt',
  生效日期: 'validFrom',
  施行日期: 'validFrom',
  失效日期: 'validTo',
  主题词: 'keywords',
  正文: 'bodyText',
  内容: 'bodyText',
  访问地址: 'url',
  链接: 'url',
  主题: 'themes',
  服务对象: 'serviceObjects',
  生命周期: 'lifecycle',
  解读形式: 'form',
  解读人: 'speaker',
  视频: 'videoUrl',
  文字实录: 'transcript',
  图片: 'images',
  解读文件: 'interprets',
};

const list = z.union([z.array(z.string()), z.string().transform((s) => s.split(/[;；,，、|]/))]);

const ImportRow = z.object({
  sourceKey: z.string().max(200).optional(),
  title: z.string().min(2).max(500),
  docNo: z.string().max(100).optional(),
  indexNo: z.string().max(100).optional(),
  issuers: list.optional(),
  org: z.string().max(100),
  level: z.string(),
  type: z.string(),
  audience: z.string().optional(),
  validity: z.string().optional(),
  writtenAt: z.string().optional(),
  publishedAt: z.string(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  keywords: list.optional(),
  bodyHtml: z.string().max(2_000_000).optional(),
  bodyText: z.string().max(2_000_000).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  themes: list.optional(),
  serviceObjects: list.optional(),
  lifecycle: list.optional(),
  attachments: z
    .array(
      z.object({
        name: z.string().min(1),
        url: z.url({ protocol: /^https?$/ }),
        mime: z.string().nullish(),
        size: z.number().int().nonnegative().nullish(),
      }),
    )
    .optional(),
  // Interpretations: form, speaker and media; the policies interpreted, each by 文号 or title.
  form: z.enum(INTERPRETATION_FORMS).optional(),
  speaker: z.string().max(200).optional(),
  videoUrl: z.url({ protocol: /^https?$/ }).optional(),
  transcript: z.string().max(100_000).optional(),
  images: z
    .union([
      z.array(z.object({ url: z.url({ protocol: /^https?$/ }), alt: z.string().max(500).optional() })),
      z.string().transform((s) => s.split(/[;；,，|\s]+/).filter(Boolean).map((url) => ({ url, alt: undefined }))),
    ])
    .optional(),
  interprets: list.optional(),
  supersedes: list.optional(),
});

export interface RowContext {
  /** Org ids by id, name and short name. */
  orgs: Map<string, string>;
  /** Term codes by axis, keyed by code and by name. */
  terms: Map<string, Map<string, string>>;
  /** Today, for validity derived from dates. */
  today: string;
}

/** Trims strings, drops empty values and maps Chinese column names. */
function clean(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    const value = typeof v === 'string' ? v.trim() : v;
    if (value === '' || value === null || value === undefined) continue;
    out[ALIASES[k.trim()] ?? k.trim()] = value;
  }
  return out;
}

function date(field: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  const d = parseDate(value);
  if (!d) throw new RowError(`${field} "${value}" is not a date`);
  return d;
}

function label<T extends string>(field: string, labels: Record<string, T>, value: string): T {
  const v = byLabel(labels, value);
  if (!v) throw new RowError(`${field} "${value}" is not one of ${[...new Set(Object.values(labels))].join(', ')}`);
  return v;
}

/** Validates and normalises one imported record into a storable policy. */
export function normalisePolicyRow(record: Record<string, unknown>, ctx: RowContext): PolicyInput {
  const parsed = ImportRow.safeParse(clean(record));
  if (!parsed.success) {
    throw new RowError(parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; '));
  }
  const r = parsed.data;
  const orgId = ctx.orgs.get(r.org);
  if (!orgId) throw new RowError(`org "${r.org}" is not a known organisation`);

  const bodyHtml = r.bodyHtml !== undefined ? sanitizeBody(r.bodyHtml) : textToHtml(r.bodyText ?? '');
  const bodyText = r.bodyText ?? htmlToText(bodyHtml);
  const type = label('type', TYPE_LABELS, r.type);
  // Without a 文号 column the number usually sits in the first lines of the body — except in
  // interpretations and reports, which open by citing the document they are about.
  const numbered = type !== 'interpretation' && type !== 'report';
  const docNoSource = r.docNo ?? (numbered ? bodyText.split('\n').slice(0, 3).find((l) => l.length < 60 && parseDocNo(l)) : undefined);
  const docNo = docNoSource ? (canonicalDocNo(docNoSource) ?? r.docNo ?? null) : null;

  const publishedAt = date('publishedAt', r.publishedAt)!;
  // Laws and rules say when they were adopted; other texts' dates are about something else.
  const adopted = type === 'law' || type === 'rule' ? adoptedDate(bodyText) : null;
  const writtenAt = date('writtenAt', r.writtenAt) ?? (adopted && adopted <= publishedAt ? adopted : null);
  const validFrom = date('validFrom', r.validFrom);
  const validTo = date('validTo', r.validTo);
  if (writtenAt && writtenAt > publishedAt) throw new RowError(`writtenAt ${writtenAt} is after publishedAt ${publishedAt}`);
  if (validFrom && validTo && validTo < validFrom) throw new RowError(`validTo ${validTo} is before validFrom ${validFrom}`);

  const validity = r.validity
    ? label('validity', VALIDITY_LABELS, r.validity)
    : validTo && validTo < ctx.today
      ? 'expired'
      : validFrom && validFrom > ctx.today
        ? 'not_yet_effective'
        : 'valid';

  const terms = (
    [
      ['theme', r.themes],
      ['service_object', r.serviceObjects],
      ['lifecycle', r.lifecycle],
    ] as const
  ).flatMap(([axis, values]) =>
    (values ?? []).map((v) => v.trim()).filter(Boolean).map((v) => {
      const code = ctx.terms.get(axis)?.get(v);
      if (!code) throw new RowError(`${axis} "${v}" is not a known term`);
      return { axis, code };
    }),
  );

  const sourceKey =
    r.sourceKey ??
    (docNo ? docNoKey(docNo) : null) ??
    createHash('sha1').update(`${orgId}|${r.title}|${publishedAt}`).digest('hex').slice(0, 20);

  return {
    sourceKey: sourceKey!,
    title: r.title.replace(/\s+/g, ' '),
    docNo,
    indexNo: r.indexNo ?? null,
    issuers: (r.issuers ?? []).map((s) => s.trim()).filter(Boolean),
    orgId,
    level: label('level', LEVEL_LABELS, r.level),
    type,
    audience: r.audience ? label('audience', AUDIENCE_LABELS, r.audience) : null,
    validity,
    writtenAt,
    publishedAt,
    validFrom,
    validTo,
    keywords: (r.keywords ?? []).map((s) => s.trim()).filter(Boolean),
    bodyHtml,
    bodyText,
    url: r.url ?? null,
    terms,
    attachments: (r.attachments ?? []).map((a) => ({ name: a.name, url: a.url, mime: a.mime ?? null, size: a.size ?? null })),
    ...stated(r),
    ...(type === 'interpretation' ? { interpretation: interpretationMedia(r, bodyHtml) } : {}),
  };
}

function stated(r: z.infer<typeof ImportRow>): Pick<PolicyInput, 'stated'> {
  const refs = [
    ...(r.interprets ?? []).map((ref) => ({ relation: 'interprets' as const, ref: ref.trim() })),
    ...(r.supersedes ?? []).map((ref) => ({ relation: 'supersedes' as const, ref: ref.trim() })),
  ].filter((s) => s.ref);
  return refs.length ? { stated: refs } : {};
}

/** What the source says of an interpretation's form and media, the rest inferred from its title and body. */
function interpretationMedia(r: z.infer<typeof ImportRow>, bodyHtml: string): NonNullable<PolicyInput['interpretation']> {
  const title = r.title.replace(/\s+/g, ' ');
  const images = r.images ? r.images.map((i) => ({ url: i.url, alt: i.alt?.trim() || title })) : imagesIn(bodyHtml, title);
  return { form: r.form ?? inferForm(title), speaker: r.speaker ?? inferSpeaker(title), videoUrl: r.videoUrl ?? null, transcript: r.transcript ?? null, images };
}
