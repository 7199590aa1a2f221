import type { Store } from '../db/index.js';
import type { FacetName, FacetValue, SearchHit, SearchResult } from '../schemas/search.js';
import { FACETS } from '../schemas/search.js';
import { orgPath } from '../services/orgs.js';
import { currentRevision } from '../services/revision.js';
import { suggest } from '../services/suggest.js';
import { hotTopics } from '../services/topics.js';
import { bareTitle, DocTable, type DocAttrs, type FacetCounts, type SearchFilters } from './doc-table.js';
import { ENUM_LABELS } from './facet-labels.js';
import { mark, snippet } from './highlight.js';
import { matchDocNo, matchRanked, scoreEvery, termDocs, type Scores } from './match.js';
import { highlightWords, parseQuery, type ParsedQuery, type QueryTerm } from './query.js';

export interface SearchParams {
  q: string;
  filters: Omit<SearchFilters, 'orgPath'>;
  org?: string;
  sort?: 'relevance' | 'date';
  page: number;
  pageSize: number;
}

/** Current versions outrank amended, expired and repealed ones (DESIGN §6). */
const VALIDITY_WEIGHT: Record<string, number> = { valid: 1, not_yet_effective: 0.9, amended: 0.5, expired: 0.4, repealed: 0.35 };
/** A document whose 文号 the query names comes first. */
const DOC_NO_BOOST = 1e6;
/** Keyword queries up to this many words match documents holding every word, when enough do. */
const EVERY_WORDS = 5;
const EVERY_ENOUGH = 10;
/** Beyond this many documents holding every word, ranking them all costs more than it tells. */
const RANK_EVERY_UP_TO = 3000;
/** Cached postings (document ids per query word) are dropped past this many ids in all. */
const MAX_CACHED_IDS = 5_000_000;
/** Words in more than this share of documents do not pick passages (see selectiveTerms). */
const RARE_SHARE = 0.2;
const CACHED_RESULTS = 500;

/**
 * A document whose title is the query is what the reader named; otherwise the more of a (short)
 * title the query's words cover, the more the document is about them, not merely citing them.
 */
const TITLE_MAX = 3;

function titleFactor(bare: string, parsed: ParsedQuery): number {
  if (!bare || parsed.terms.length === 0) return 1;
  if (bare === bareTitle(parsed.text)) return TITLE_MAX;
  let covered = 0;
  for (const t of parsed.terms) {
    if (bare.includes(t.word) || (t.parts.length > 1 && t.parts.every((p) => bare.includes(p)))) covered += t.word.length;
  }
  return 1 + Math.min(1, covered / bare.length);
}

/** Ids present in both ascending lists. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out[n++] = a[i]!;
      i++;
      j++;
    }
  }
  return out.subarray(0, n);
}

type TermLabels = Map<string, Map<string, { name: string; nameEn: string; sort: number }>>;

export class SearchEngine {
  readonly docs: DocTable;
  private labels: { revision: number; terms: TermLabels } | undefined;
  /** Document ids per query word: the vocabulary of searches repeats far more than whole searches do. */
  private postings: { revision: number; byTerm: Map<string, Int32Array>; ids: number } = { revision: -1, byTerm: new Map(), ids: 0 };
  /** Whole answers by request, for the current revision: popular searches repeat. */
  private results: { revision: number; byKey: Map<string, SearchResult> } = { revision: -1, byKey: new Map() };

  constructor(private readonly store: Store) {
    this.docs = new DocTable(store.db, (d) => VALIDITY_WEIGHT[d.validity] ?? 1);
  }

  async search(params: SearchParams): Promise<SearchResult> {
    await this.docs.refresh();
    const key = JSON.stringify(params);
    if (this.results.revision !== this.docs.revision) this.results = { revision: this.docs.revision, byKey: new Map() };
    const cached = this.results.byKey.get(key);
    if (cached) return cached;
    const result = await this.compute(params);
    if (this.results.byKey.size >= CACHED_RESULTS) this.results.byKey.delete(this.results.byKey.keys().next().value!);
    this.results.byKey.set(key, result);
    return result;
  }

  private async compute(params: SearchParams): Promise<SearchResult> {
    const parsed = parseQuery(params.q);
    const scores = await this.score(parsed);
    const filters: SearchFilters = { ...params.filters, orgPath: params.org ? await orgPath(this.store.db, params.org) : undefined };
    const { matches, facets } = this.docs.filter(scores ? this.docs.slotsOf(scores.keys()) : null, filters);

    const sort = params.sort ?? (scores ? 'relevance' : 'date');
    const end = params.page * params.pageSize;
    // Slots run newest first, so date order is slot order.
    const ordered: ArrayLike<number> = !scores ? matches : sort === 'relevance' ? this.rank(matches, scores, parsed, end) : Int32Array.from(matches).sort();
    const page = Array.from({ length: Math.max(0, Math.min(end, ordered.length) - (params.page - 1) * params.pageSize) }, (_, i) =>
      this.docs.attrs(ordered[(params.page - 1) * params.pageSize + i]!),
    );
    const words = highlightWords(parsed);
    const items = await this.hits(page, scores, words, parsed);
    return {
      q: params.q,
      parsed: { docNo: parsed.docNo, terms: parsed.terms.map((t) => t.word) },
      items,
      total: matches.length,
      page: params.page,
      pageSize: params.pageSize,
      sort,
      facets: await this.facetValues(facets, params.filters),
      suggestions: matches.length === 0 && params.q ? await this.suggestions(parsed, params.org) : [],
    };
  }

  /**
   * Matches in relevance order, as far as `end`: every match gets its index score weighted by
   * validity; only those that can reach the page are weighed by title and sorted.
   */
  private rank(matches: Int32Array, scores: Scores, parsed: ParsedQuery, end: number): number[] {
    const base = Float64Array.from(matches, (slot) => (scores.get(this.docs.idOf(slot)) ?? 0) * this.docs.priorOf(slot));
    // A title can at most triple a score, so the cut keeps everything that could still reach the page.
    const cut = end < base.length ? Float64Array.from(base).sort()[base.length - end]! / TITLE_MAX : -Infinity;
    const final = new Map<number, number>();
    matches.forEach((slot, i) => {
      if (base[i]! >= cut) final.set(slot, base[i]! * titleFactor(this.docs.attrs(slot).bareTitle, parsed));
    });
    return [...final.keys()].sort((a, b) => final.get(b)! - final.get(a)! || a - b).slice(0, end);
  }

  /** Relevance by policy id, or undefined for a browse without a query (every document). */
  private async score(parsed: ParsedQuery): Promise<Scores | undefined> {
    if (!parsed.docNoKey && parsed.terms.length === 0) return undefined;
    let scores: Scores = new Map();
    if (parsed.terms.length > 0) {
      let ranked = true;
      if (parsed.terms.length <= EVERY_WORDS) {
        const every = await this.every(parsed.terms);
        if (every.length > RANK_EVERY_UP_TO) {
          scores = new Map(Array.from(every, (id) => [id, 0]));
          ranked = false;
        } else if (every.length > 0) {
          scores = await scoreEvery(this.store, parsed.terms);
        }
      }
      const enough = parsed.terms.length <= 2 ? scores.size > 0 : scores.size >= EVERY_ENOUGH;
      if (!enough || !ranked) {
        // Too few documents hold every word (rank those holding most of them), or so many that
        // only the best of them are worth ranking.
        const best = await matchRanked(this.store, parsed.terms, await this.selectiveTerms(parsed.terms));
        if (ranked) {
          for (const [id, s] of scores) best.set(id, (best.get(id) ?? 0) + s);
          scores = best;
        } else {
          for (const id of scores.keys()) scores.set(id, best.get(id) ?? 0);
        }
      }
    }
    if (parsed.docNoKey) {
      for (const id of await matchDocNo(this.store, parsed.docNoKey)) scores.set(id, DOC_NO_BOOST + (scores.get(id) ?? 0));
    }
    return scores;
  }

  /** The documents holding a word, cached until the content changes. */
  private async docsOf(term: QueryTerm): Promise<Int32Array> {
    const revision = this.docs.revision;
    if (this.postings.revision !== revision || this.postings.ids > MAX_CACHED_IDS) {
      this.postings = { revision, byTerm: new Map(), ids: 0 };
    }
    const key = JSON.stringify([term.word, term.parts, term.alternatives]);
    let ids = this.postings.byTerm.get(key);
    if (!ids) {
      ids = await termDocs(this.store, term);
      this.postings.byTerm.set(key, ids);
      this.postings.ids += ids.length;
    }
    return ids;
  }

  /** The documents holding every word: the intersection of their postings, smallest first. */
  private async every(terms: QueryTerm[]): Promise<Int32Array> {
    const lists = (await Promise.all(terms.map((t) => this.docsOf(t)))).sort((a, b) => a.length - b.length);
    return lists.slice(1).reduce(intersect, lists[0] ?? new Int32Array());
  }

  /**
   * The words that pick passages: those in at most a fifth of the documents (none when every word
   * is that common: titles then rank alone).
   */
  private async selectiveTerms(terms: QueryTerm[]): Promise<QueryTerm[]> {
    const df = await Promise.all(terms.map(async (t) => (await this.docsOf(t)).length));
    return terms.filter((_, i) => df[i]! <= this.docs.size * RARE_SHARE);
  }

  private async hits(page: DocAttrs[], scores: Scores | undefined, words: string[], parsed: ParsedQuery): Promise<SearchHit[]> {
    if (page.length === 0) return [];
    const rows = await this.store.db
      .selectFrom('policies as p')
      .innerJoin('policy_bodies as b', 'b.policy_id', 'p.id')
      .select(['p.id', 'p.title', 'p.doc_no', 'p.issuers', 'p.published_at', 'p.validity', 'p.level', 'p.type', 'p.audience', 'p.url', 'b.text'])
      .where('p.id', 'in', page.map((d) => d.id))
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const marks = parsed.docNo ? [...words, parsed.docNo.toLowerCase()] : words;
    return page.flatMap((d) => {
      const r = byId.get(d.id);
      if (!r) return [];
      const { segments, passage } = snippet(r.text, words);
      return [
        {
          id: r.id,
          title: r.title,
          docNo: r.doc_no,
          issuer: (JSON.parse(r.issuers) as string[]).join('、'),
          publishedAt: r.published_at,
          validity: r.validity as SearchHit['validity'],
          level: r.level as SearchHit['level'],
          type: r.type as SearchHit['type'],
          audience: r.audience as SearchHit['audience'],
          url: r.url,
          highlight: { title: mark(r.title, marks), snippet: segments, passage },
          score: scores ? Math.round((scores.get(d.id) ?? 0) * (VALIDITY_WEIGHT[d.validity] ?? 1) * titleFactor(d.bareTitle, parsed) * 1000) / 1000 : 0,
        },
      ];
    });
  }

  private async termLabels(): Promise<TermLabels> {
    const revision = await currentRevision(this.store.db);
    if (this.labels?.revision !== revision) {
      const terms: TermLabels = new Map();
      for (const t of await this.store.db.selectFrom('taxonomy_terms').select(['axis', 'code', 'name', 'name_en', 'sort']).execute()) {
        const axis = terms.get(t.axis) ?? terms.set(t.axis, new Map()).get(t.axis)!;
        axis.set(t.code, { name: t.name, nameEn: t.name_en, sort: t.sort });
      }
      this.labels = { revision, terms };
    }
    return this.labels.terms;
  }

  private async facetValues(counts: FacetCounts, selected: SearchParams['filters']): Promise<Record<FacetName, FacetValue[]>> {
    const terms = await this.termLabels();
    const axisOf: Partial<Record<FacetName, string>> = { serviceObject: 'service_object', lifecycle: 'lifecycle', theme: 'theme' };
    const out = {} as Record<FacetName, FacetValue[]>;
    for (const name of FACETS) {
      const values = new Map(counts[name]);
      // Selected values stay listed (count 0) so a reader can always clear them.
      for (const v of (selected[name] as (string | number)[] | undefined) ?? []) if (!values.has(String(v))) values.set(String(v), 0);
      const axis = axisOf[name];
      const enumOrder = Object.keys(ENUM_LABELS[name] ?? {});
      out[name] = [...values]
        .map(([value, count]) => {
          const term = axis ? terms.get(axis)?.get(value) : undefined;
          const label = ENUM_LABELS[name]?.[value];
          return { value, count, label: term?.name ?? label?.[0] ?? value, labelEn: term?.nameEn ?? label?.[1] ?? value, order: term?.sort ?? enumOrder.indexOf(value) };
        })
        .sort((a, b) => (name === 'year' ? Number(b.value) - Number(a.value) : enumOrder.length ? a.order - b.order : b.count - a.count || a.order - b.order))
        .map(({ order: _order, ...v }) => v);
    }
    return out;
  }

  /**
   * For a query without results: its words, or pairs of them, that do find documents; for words
   * found nowhere (a typo, a rare spelling), titles and topics that begin the same way; failing
   * all that, what others search for now.
   */
  private async suggestions(parsed: ParsedQuery, org?: string): Promise<string[]> {
    const out = new Set<string>();
    const words = parsed.terms;
    const found = new Map<string, boolean>();
    for (const t of words) found.set(t.word, (await this.docsOf(t)).length > 0);
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        if (found.get(words[i]!.word) && found.get(words[j]!.word) && (await this.every([words[i]!, words[j]!])).length > 0) {
          out.add(`${words[i]!.word} ${words[j]!.word}`);
        }
      }
    }
    if (words.length > 1) for (const t of words) if (found.get(t.word)) out.add(t.word);
    for (const t of words) {
      if (found.get(t.word) || t.word.length < 2) continue;
      for (const s of await suggest(this.store, t.word.slice(0, 2), 3)) out.add(s.text);
    }
    if (out.size === 0) for (const t of await hotTopics(this.store.db, { limit: 5, org })) out.add(t.q);
    return [...out].slice(0, 5);
  }
}

const engines = new WeakMap<Store['db'], SearchEngine>();

/** One engine per store, so its document table is loaded once per process. */
export function searchEngine(store: Store): SearchEngine {
  let engine = engines.get(store.db);
  if (!engine) engines.set(store.db, (engine = new SearchEngine(store)));
  return engine;
}
