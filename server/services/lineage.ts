import type { DB } from '../db/index.js';
import type { InterpretationForm, RelationKind } from '../db/types.js';
import type {
  Faq,
  InterpretationMedia,
  InterpretationSummary,
  PolicyLineage,
  PolicyRef,
  Relation,
  Service,
  ValidityNote,
} from '../schemas/lineage.js';
import type { PolicyLevel, PolicyType, Validity } from '../schemas/policy.js';

/** The columns of a PolicyRef, from `policies as p`. */
export const refColumns = ['p.id', 'p.title', 'p.doc_no', 'p.type', 'p.level', 'p.validity', 'p.published_at'] as const;

export interface RefRow {
  id: number;
  title: string;
  doc_no: string | null;
  type: string;
  level: string;
  validity: string;
  published_at: string;
}

export function toRef(r: RefRow): PolicyRef {
  return {
    id: r.id,
    title: r.title,
    docNo: r.doc_no,
    type: r.type as PolicyType,
    level: r.level as PolicyLevel,
    validity: r.validity as Validity,
    publishedAt: r.published_at,
  };
}

/** Relations that count: rejected links are kept only so that no re-import restores them. */
const LIVE = ['auto', 'confirmed'] as const;

/** Which relation explains a validity, strongest first. */
const VALIDITY_BY: { kind: ValidityNote['kind']; validity: Validity }[] = [
  { kind: 'repeals', validity: 'repealed' },
  { kind: 'supersedes', validity: 'amended' },
  { kind: 'amends', validity: 'amended' },
];

/** A document's relations in both directions (interpretations apart), newest relation first. */
export async function relationsOf(db: DB, id: number): Promise<Relation[]> {
  const select = (direction: 'out' | 'in') =>
    db
      .selectFrom('policy_relations as r')
      .innerJoin('policies as p', 'p.id', direction === 'out' ? 'r.to_id' : 'r.from_id')
      .select(['r.id as relation_id', 'r.kind', 'r.date', 'r.origin', 'r.status', 'r.evidence', ...refColumns])
      .where(direction === 'out' ? 'r.from_id' : 'r.to_id', '=', id)
      .where('r.status', 'in', LIVE)
      .where('r.kind', '!=', 'interprets')
      .execute();
  const [out, inc] = await Promise.all([select('out'), select('in')]);
  const relations = [...out.map((r) => ({ r, direction: 'out' as const })), ...inc.map((r) => ({ r, direction: 'in' as const }))].map(({ r, direction }) => ({
    id: r.relation_id,
    kind: r.kind as RelationKind,
    direction,
    date: r.date,
    origin: r.origin,
    status: r.status,
    evidence: r.evidence,
    policy: toRef(r),
  }));
  return relations.sort((a, b) => (b.date ?? b.policy.publishedAt).localeCompare(a.date ?? a.policy.publishedAt) || b.id - a.id);
}

/** Why a document is repealed or amended, when a relation says so. */
export function validityNote(validity: Validity, relations: Relation[]): ValidityNote | null {
  if (validity === 'valid' || validity === 'not_yet_effective') return null;
  for (const { kind } of VALIDITY_BY) {
    const by = relations.find((r) => r.kind === kind && r.direction === 'in');
    if (by) return { validity, kind, date: by.date ?? by.policy.publishedAt, by: by.policy };
  }
  return null;
}

function toMedia(r: { form: string; speaker: string | null; video_url: string | null; transcript: string | null; images: string }): InterpretationMedia {
  return {
    form: r.form as InterpretationForm,
    speaker: r.speaker,
    videoUrl: r.video_url,
    transcript: r.transcript,
    images: JSON.parse(r.images) as InterpretationMedia['images'],
  };
}

/** Interpretation summaries by id, each with the policies it interprets, in the order given. */
export async function interpretationSummaries(db: DB, ids: number[]): Promise<InterpretationSummary[]> {
  if (ids.length === 0) return [];
  const [rows, links] = await Promise.all([
    db
      .selectFrom('policies as p')
      .innerJoin('orgs as o', 'o.id', 'p.org_id')
      .leftJoin('interpretation_media as m', 'm.policy_id', 'p.id')
      .select(['p.id', 'p.title', 'p.org_id', 'o.name as org_name', 'p.published_at', 'p.url', 'm.form', 'm.speaker', 'm.images'])
      .where('p.id', 'in', ids)
      .execute(),
    db
      .selectFrom('policy_relations as r')
      .innerJoin('policies as p', 'p.id', 'r.to_id')
      .select(['r.from_id', ...refColumns])
      .where('r.from_id', 'in', ids)
      .where('r.kind', '=', 'interprets')
      .where('r.status', 'in', LIVE)
      .orderBy('p.published_at', 'desc')
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const images = JSON.parse(r.images ?? '[]') as InterpretationMedia['images'];
    return [
      {
        id: r.id,
        title: r.title,
        org: { id: r.org_id, name: r.org_name },
        publishedAt: r.published_at,
        url: r.url,
        form: (r.form ?? 'text') as InterpretationForm,
        speaker: r.speaker ?? null,
        thumbnail: images[0] ?? null,
        policies: links.filter((l) => l.from_id === id).map(toRef),
      },
    ];
  });
}

/** Everything GET /policies/{id} tells beyond the document itself. */
export async function policyLineage(db: DB, id: number, doc: { validity: Validity; type: string }): Promise<PolicyLineage> {
  const [relations, key, interpreters, interprets, media, services, faqs] = await Promise.all([
    relationsOf(db, id),
    db.selectFrom('policies').select('is_key').where('id', '=', id).executeTakeFirst(),
    db
      .selectFrom('policy_relations as r')
      .innerJoin('policies as p', 'p.id', 'r.from_id')
      .select('p.id')
      .where('r.to_id', '=', id)
      .where('r.kind', '=', 'interprets')
      .where('r.status', 'in', LIVE)
      .orderBy('p.published_at', 'desc')
      .orderBy('p.id', 'desc')
      .execute(),
    db
      .selectFrom('policy_relations as r')
      .innerJoin('policies as p', 'p.id', 'r.to_id')
      .select(refColumns)
      .where('r.from_id', '=', id)
      .where('r.kind', '=', 'interprets')
      .where('r.status', 'in', LIVE)
      .orderBy('p.published_at', 'desc')
      .execute(),
    doc.type === 'interpretation'
      ? db.selectFrom('interpretation_media').select(['form', 'speaker', 'video_url', 'transcript', 'images']).where('policy_id', '=', id).executeTakeFirst()
      : undefined,
    db
      .selectFrom('policy_services as s')
      .leftJoin('orgs as o', 'o.id', 's.org_id')
      .select(['s.id', 's.name', 's.url', 's.org_id', 'o.name as org_name', 's.conditions'])
      .where('s.policy_id', '=', id)
      .orderBy('s.sort')
      .orderBy('s.id')
      .execute(),
    db.selectFrom('policy_faqs').select(['id', 'question', 'answer']).where('policy_id', '=', id).orderBy('sort').orderBy('id').execute(),
  ]);
  return {
    isKey: Number(key?.is_key ?? 0) === 1,
    validityNote: validityNote(doc.validity, relations),
    relations,
    interpretations: await interpretationSummaries(db, interpreters.map((r) => r.id)),
    interprets: interprets.map(toRef),
    interpretation: doc.type === 'interpretation' ? toMedia(media ?? { form: 'text', speaker: null, video_url: null, transcript: null, images: '[]' }) : null,
    services: services.map(
      (s): Service => ({ id: s.id, name: s.name, url: s.url, org: s.org_id && s.org_name ? { id: s.org_id, name: s.org_name } : null, conditions: s.conditions }),
    ),
    faqs: faqs as Faq[],
  };
}
