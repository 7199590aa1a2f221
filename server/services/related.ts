import type { Store } from '../db/index.js';
import type { RelationKind } from '../db/types.js';
import { notFound } from '../http/errors.js';
import type { RelatedItem, RelatedList, RelatedReason } from '../schemas/lineage.js';
import type { DocAttrs } from '../search/doc-table.js';
import { searchEngine } from '../search/engine.js';
import { termCount, termDocs } from '../search/match.js';
import { indexTokens, queryTokens } from '../search/tokenizer.js';
import { refColumns, relationsOf, toRef } from './lineage.js';

/**
 * 智能关联 (DOMAIN §1): documents related to a policy by explicit links, by content (the distinctive
 * words they share, through the search index's postings) and by classification (shared theme,
 * lifecycle and service-object terms), each with the reasons a reader is shown. Candidates are
 * weighed by validity as search weighs them, so documents in force come first.
 */

/** The document's words that stand for it: its title's, and its body's highest tf-idf. */
const WORDS = 8;
const BODY_CANDIDATES = 16;
/** A word in the title counts as this many occurrences in the body. */
const TITLE_TF = 4;
/**
 * Words in more than this share of documents say little about which document a policy is near (a
 * subject's words are in well under 5%), and walking their postings is most of the cost.
 */
const RARE_SHARE = 0.05;
/** …and words in a handful of documents are distinctive however small the library. */
const RARE_AT_LEAST = 10;
/** Content counts as a reason from this share of the document's word weight, with at least two words. */
const CONTENT_MIN = 0.3;
const LINK_SCORE: Record<Exclude<RelationKind, 'interprets'>, number> = {
  repeals: 1, supersedes: 1, amends: 1, based_on: 0.9, implements: 0.9, forwards: 0.9, related: 0.8,
};
const CONTENT_WEIGHT = 0.8;
const TERM_WEIGHT = 0.1;
/** Postings kept per content revision, in document ids, before they are dropped. */
const MAX_CACHED_IDS = 2_000_000;

/** Postings of the distinctive words (ascending ids) or, for common words, only how many documents hold them. */
class WordPostings {
  private revision = -1;
  private byWord = new Map<string, Promise<Int32Array | number>>();
  private ids = 0;

  constructor(private readonly store: Store) {}

  get(revision: number, word: string, rareUpTo: number): Promise<Int32Array | number> {
    if (revision !== this.revision || this.ids > MAX_CACHED_IDS) {
      this.revision = revision;
      this.byWord.clear();
      this.ids = 0;
    }
    let found = this.byWord.get(word);
    if (!found) {
      const term = { word, parts: [], alternatives: [] };
      // Most of a document's words are common: counting them is far cheaper than reading them.
      found = termCount(this.store, term, revision).then(async (count) => {
        if (count > rareUpTo) return count;
        const ids = await termDocs(this.store, term, revision);
        this.ids += ids.length;
        return ids.length > rareUpTo ? ids.length : ids;
      });
      this.byWord.set(word, found);
      found.catch(() => this.byWord.get(word) === found && this.byWord.delete(word));
    }
    return found;
  }
}

const postings = new WeakMap<Store['db'], WordPostings>();
const termNames = new WeakMap<Store['db'], { revision: number; names: Promise<Map<string, string>> }>();

/** Term names by `axis:code`, read once per content revision. */
function namesOf(store: Store, revision: number): Promise<Map<string, string>> {
  let cached = termNames.get(store.db);
  if (cached?.revision !== revision) {
    const names = store.db
      .selectFrom('taxonomy_terms')
      .select(['axis', 'code', 'name'])
      .execute()
      .then((rows) => new Map(rows.map((t) => [`${t.axis}:${t.code}`, t.name])));
    termNames.set(store.db, (cached = { revision, names }));
  }
  return cached.names;
}

/** Numbers and article numbers (第十) say nothing of the subject. */
const themeMembers = new WeakMap<Store['db'], { revision: number; slots: Map<string, Int32Array> }>();

/** The slots of a theme's documents, kept per content revision: pages of one field ask for it over and over. */
function themeSlots(store: Store, revision: number, theme: string): Int32Array {
  let cached = themeMembers.get(store.db);
  if (cached?.revision !== revision) themeMembers.set(store.db, (cached = { revision, slots: new Map() }));
  let slots = cached.slots.get(theme);
  if (!slots) cached.slots.set(theme, (slots = searchEngine(store).docs.select({ theme: [theme] })));
  return slots;
}

const meaningful = (w: string) => w.length >= 2 && !/^[\d.%]+$|^第[一二三四五六七八九十百千零]+$/.test(w);

/**
 * Candidate words with their weight in the document: title words boosted, then the body's most
 * frequent; not the words of its issuers' names (a shared issuer is not a shared subject).
 */
function documentWords(title: string, body: string, issuers: string[]): Map<string, number> {
  const meant = (w: string) => meaningful(w) && !issuers.some((i) => i.includes(w));
  const tf = new Map<string, number>();
  for (const w of indexTokens(body)) if (meant(w)) tf.set(w, (tf.get(w) ?? 0) + 1);
  const words = new Map([...tf].sort((a, b) => b[1] - a[1]).slice(0, BODY_CANDIDATES));
  for (const w of queryTokens(title)) if (meant(w)) words.set(w, (words.get(w) ?? 0) + TITLE_TF);
  return words;
}

/** The specific terms two documents share, as `axis:code`, with their weight: a sub-theme counts double. */
function sharedTerms(a: DocAttrs, b: DocAttrs): string[] {
  const themes = b.themes.filter((t) => a.themes.includes(t));
  // A first-level theme says less than the sub-theme under it: keep only the most specific.
  const specific = themes.filter((t) => !themes.some((u) => u !== t && u.startsWith(`${t}.`)));
  return [
    ...specific.map((t) => `theme:${t}`),
    ...b.lifecycle.filter((c) => a.lifecycle.includes(c)).map((c) => `lifecycle:${c}`),
    ...b.serviceObjects.filter((c) => a.serviceObjects.includes(c)).map((c) => `service_object:${c}`),
  ];
}

const termWeight = (terms: string[]) => terms.reduce((w, t) => w + (t.startsWith('theme:') && t.includes('.') ? 2 : 1), 0);

interface Candidate {
  score: number;
  reasons: RelatedReason[];
}

export async function relatedPolicies(store: Store, id: number, limit: number): Promise<RelatedList> {
  const db = store.db;
  const engine = searchEngine(store);
  const [doc, links, interpretive] = await Promise.all([
    db.selectFrom('policies as p').innerJoin('policy_bodies as b', 'b.policy_id', 'p.id').select(['p.title', 'p.issuers', 'b.text']).where('p.id', '=', id).executeTakeFirst(),
    relationsOf(db, id),
    // Two reads, each through its index, rather than one OR.
    Promise.all((['from_id', 'to_id'] as const).map((side) => db.selectFrom('policy_relations').select(['from_id', 'to_id']).where(side, '=', id).where('kind', '=', 'interprets').execute())),
    engine.docs.refresh(),
  ]);
  if (!doc) throw notFound(`Policy ${id}`);
  const table = engine.docs;
  const revision = table.revision;
  // Its interpretations (and, for an interpretation, its policies) have their own section.
  const excluded = new Set([id, ...interpretive.flat().flatMap((r) => [r.from_id, r.to_id])]);
  const candidates = new Map<number, Candidate>();
  const add = (other: number, score: number, reason: RelatedReason) => {
    if (excluded.has(other)) return;
    const c = candidates.get(other) ?? candidates.set(other, { score: 0, reasons: [] }).get(other)!;
    c.score += score;
    if (!c.reasons.some((r) => r.kind === reason.kind && r.detail === reason.detail)) c.reasons.push(reason);
  };
  /** Content and classification find other documents, not restatements of them: interpretations are left to links. */
  const isInterpretation = (other: number) => {
    const slot = table.slotOfId(other);
    return slot === undefined || table.attrs(slot).type === 'interpretation';
  };

  for (const l of links) add(l.policy.id, LINK_SCORE[l.kind as Exclude<RelationKind, 'interprets'>], { kind: 'link', detail: l.kind });

  // Content: the distinctive words, weighed by tf-idf on the index's document frequencies.
  const cache = postings.get(db) ?? postings.set(db, new WordPostings(store)).get(db)!;
  const n = Math.max(1, table.size);
  const words = documentWords(doc.title, doc.text, JSON.parse(doc.issuers) as string[]);
  const found = await Promise.all([...words.keys()].map((w) => cache.get(revision, w, Math.max(n * RARE_SHARE, RARE_AT_LEAST))));
  const ranked = [...words].flatMap(([word, tf], i) => {
    const ids = found[i]!;
    // Common words, and words no other document holds, relate nothing.
    if (typeof ids === 'number' || ids.length < 2) return [];
    const idf = Math.log(n / ids.length);
    return [{ word, ids, idf, weight: tf * idf }];
  });
  ranked.sort((a, b) => b.weight - a.weight);
  const chosen: typeof ranked = [];
  // One meaning once: 毕业生 adds nothing beside 高校毕业生.
  for (const w of ranked) if (chosen.length < WORDS && !chosen.some((c) => c.word.includes(w.word) || w.word.includes(c.word))) chosen.push(w);
  const total = chosen.reduce((s, w) => s + w.idf, 0);
  const shared = new Map<number, { idf: number; words: string[] }>();
  for (const w of chosen) {
    for (const other of w.ids) {
      const s = shared.get(other) ?? shared.set(other, { idf: 0, words: [] }).get(other)!;
      s.idf += w.idf;
      s.words.push(w.word);
    }
  }
  for (const [other, s] of shared) {
    const similarity = s.idf / total;
    if (s.words.length >= 2 && similarity >= CONTENT_MIN && !isInterpretation(other)) add(other, CONTENT_WEIGHT * similarity, { kind: 'content', detail: s.words.join('、') });
  }

  // Classification: documents of its most specific theme sharing more than the theme, and every
  // candidate already found sharing any term.
  const slot = table.slotOfId(id);
  if (slot !== undefined) {
    const own = table.attrs(slot);
    const names = await namesOf(store, revision);
    const classify = (other: number, minimum: number) => {
      const otherSlot = table.slotOfId(other);
      if (otherSlot === undefined || isInterpretation(other)) return;
      const terms = sharedTerms(own, table.attrs(otherSlot));
      if (terms.length >= minimum) add(other, TERM_WEIGHT * termWeight(terms), { kind: 'classification', detail: terms.map((t) => names.get(t) ?? t.split(':')[1]!).join('、') });
    };
    for (const other of [...candidates.keys()]) classify(other, 1);
    const theme = own.themes.find((t) => t.includes('.')) ?? own.themes[0];
    if (theme) for (const s of themeSlots(store, revision, theme)) classify(table.idOf(s), 3);
  }

  const order = [...candidates]
    .map(([other, c]) => ({ other, c, slot: table.slotOfId(other) ?? Number.MAX_SAFE_INTEGER }))
    .map((x) => ({ ...x, score: x.c.score * (x.slot === Number.MAX_SAFE_INTEGER ? 1 : table.priorOf(x.slot)) }))
    .sort((a, b) => b.score - a.score || a.slot - b.slot)
    .slice(0, limit);
  if (order.length === 0) return { items: [] };
  const rows = await db
    .selectFrom('policies as p')
    .select([...refColumns, 'p.url', 'p.issuers'])
    .where('p.id', 'in', order.map((o) => o.other))
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const reasonOrder = { link: 0, content: 1, classification: 2 };
  return {
    items: order.flatMap(({ other, c, score }): RelatedItem[] => {
      const r = byId.get(other);
      if (!r) return [];
      return [
        {
          policy: { ...toRef(r), url: r.url, issuer: (JSON.parse(r.issuers) as string[]).join('、') },
          score: Math.round(score * 1000) / 1000,
          reasons: c.reasons.sort((a, b) => reasonOrder[a.kind] - reasonOrder[b.kind]),
        },
      ];
    }),
  };
}
