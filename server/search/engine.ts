import type { Store } from '../db/index.js';
import type { FacetName, FacetValue, SearchHit, SearchResult } from '../schemas/search.js';
import { FACETS } from '../schemas/search.js';
import { orgPath } from '../services/orgs.js';
import { suggest } from '../services/suggest.js';
import { hotTopics } from '../services/topics.js';
import { bareTitle, DocTable, type FacetCounts, type SearchFilters } from './doc-table.js';
import { ENUM_LABELS } from './facet-labels.js';
import { mark, snippet } from './highlight.js';
import { HitRows } from './hit-rows.js';
import { LawNames } from './law-names.js';
import { nthLargest, TopK } from './top.js';
import { bitsOf, intersect, marked, positionOf, within } from './id-lists.js';
import { bestPassages, matchDocNo, passageCount, scoreEvery, wordPostings, type Scores } from './match.js';
import { highlightWords, parseQuery, type ParsedQuery, type QueryTerm } from './query.js';
import { ArrayPool, Rankings, type Ranking, type Scratch } from './rankings.js';
import { RevisionLru } from './revision-lru.js';

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
/** Up to this many documents holding every word are ranked on their whole text by the index. */
const RANK_EVERY_UP_TO = 1000;
/**
 * Query words' postings are kept within this many bytes per document, and at least the minimum
 * (see RevisionLru): at a million documents, 160 MB holds the postings of about seventy common words.
 */
const CACHED_WORD_BYTES_PER_DOC = 160;
const MIN_CACHED_WORD_BYTES = 64_000_000;
/**
 * A word in at least one document in this many is kept as bits too (an eighth of a byte per
 * document, no more than its list of slots): shorter lists are intersected with it by looking
 * their slots up, not by merging.
 */
const DENSE_SHARE = 32;
/** Words in more than this share of documents do not pick passages (see passageTerms). */
const RARE_SHARE = 0.2;
/** A word in the title or metadata counts this many times a word in the body. */
const HEAD_WEIGHT = 4;
/** Ranking passages costs per passage: the rarest words pick passages up to about this many. */
const PASSAGE_BUDGET = 4_000;
const CACHED_RESULTS = 500;
/** Queries' rankings kept for searches refining them (see Rankings): about 10 bytes a document each. */
const CACHED_RANKING_BYTES = 64_000_000;
const CACHED_RANKINGS = 32;
/** Hits' bodies kept per content revision, in characters (about 20 MB: 3,300 bodies of 3,000). */
const CACHED_HIT_CHARS = 10_000_000;
/** Filtered lists kept per content revision (each up to one id per document). */
const CACHED_SELECTIONS = 200;
const CACHED_BEGINNINGS = 1000;

/**
 * A document whose title is the query is what the reader named; otherwise the more of a (short)
 * title the query's words cover, the more the document is about them, not merely citing them.
 */
const TITLE_MAX = 3;

/** Whether a bare title holds a query word, as itself or as all of its parts. */
const covers = (docs: DocTable, slot: number, t: QueryTerm) =>
  docs.titleHolds(slot, t.word) || (t.parts.length > 1 && t.parts.every((p) => docs.titleHolds(slot, p)));

/** A mark per slot of whether its title holds a word: 0 not yet known, else COVERED or NOT_COVERED. */
const COVERED = 1;
const NOT_COVERED = 2;

/**
 * The most titleFactor can give a title of this length, known without reading the title: the
 * query's words cover at most their own length of it.
 */
function titleBound(parsed: ParsedQuery): (length: number) => number {
  const queryLength = bareTitle(parsed.text).length;
  const words = parsed.terms.reduce((n, t) => n + t.word.length, 0);
  return (length) => (length === queryLength ? TITLE_MAX : 1 + Math.min(1, words / length));
}

/** What is known of one query word's matches; each part is read once per content revision. */
interface WordEntry {
  /** By slot, whether the document's title holds it, filled in as titles are weighed. */
  titled?: Uint8Array;
  /** Its documents, and those holding it in their title or metadata, as ids. */
  read?: Promise<{ docs: Int32Array; heads: Int32Array }>;
  slots?: Promise<Int32Array>;
  /** The same slots as bits, for a common word: shorter lists are intersected with it bit by bit. */
  bits?: Promise<Uint32Array>;
  /** Slots of the documents holding it in their title or metadata. */
  heads?: Promise<Int32Array>;
  passages?: Promise<number>;
}

const wordKey = (t: QueryTerm) => JSON.stringify([t.word, t.parts, t.alternatives]);

/** The bytes a part of a word's entry holds in its arrays. */
const bytesOf = (part: ArrayBufferView | { docs: Int32Array; heads: Int32Array } | number) =>
  typeof part === 'number' ? 0 : ArrayBuffer.isView(part) ? part.byteLength : part.docs.byteLength + part.heads.byteLength;

type TermLabels = Map<string, Map<string, { name: string; nameEn: string; sort: number }>>;

export class SearchEngine {
  readonly docs: DocTable;
  private labels: { revision: number; terms: TermLabels } | undefined;
  /** What is known of each query word. */
  private words = new RevisionLru<WordEntry>(() => ({ size: Math.max(MIN_CACHED_WORD_BYTES, CACHED_WORD_BYTES_PER_DOC * this.docs.size) }));
  /** Whole answers by request, for the current revision: popular searches repeat. */
  private results = new RevisionLru<SearchResult>(() => ({ size: 0, count: CACHED_RESULTS }));
  /** The policy list's filtered slots by filters: a site pages through the same lists over and over. */
  private selections = new RevisionLru<Int32Array | null>(() => ({ size: 0, count: CACHED_SELECTIONS }));
  private scratch = new ArrayPool<Scratch>(
    (n) => ({ score: new Float64Array(n), shared: 0, member: new Uint8Array(n), inHead: new Uint8Array(n) }),
    (s) => {
      s.score.fill(0);
      s.shared = 0;
      s.member.fill(0);
      s.inHead.fill(0);
    },
  );
  private rankings = new Rankings({ size: CACHED_RANKING_BYTES, count: CACHED_RANKINGS }, (r) => this.scratch.give(r.scratch, r.scratch.score.length));
  /** Room for a search's filtered matches and their base scores, a slot each (written before read). */
  private room = new ArrayPool(
    (n) => ({ matches: new Int32Array(n), base: new Float64Array(n) }),
    () => {},
    1,
  );
  private readonly hitRows: HitRows;
  /** What beginningLike found, by the characters looked for: readers' misspellings repeat. */
  private beginnings = new RevisionLru<string[]>(() => ({ size: 0, count: CACHED_BEGINNINGS }));
  private names: { revision: number; names: LawNames } | undefined;

  constructor(private readonly store: Store) {
    this.docs = new DocTable(store.db, (validity) => VALIDITY_WEIGHT[validity] ?? 1);
    this.hitRows = new HitRows(store.db, CACHED_HIT_CHARS);
  }

  /**
   * The ids of one page of the documents passing these filters, newest first, and their total:
   * the policy list filters by the same rules as search, from the same in-memory table.
   */
  async browse(filters: SearchFilters, page: number, pageSize: number): Promise<{ ids: number[]; total: number }> {
    await this.docs.refresh();
    const key = JSON.stringify(filters);
    let matches = this.selections.get(this.docs.revision, key);
    if (matches === undefined) {
      matches = Object.values(filters).every((v) => v === undefined) ? null : this.docs.select(filters);
      this.selections.set(this.docs.revision, key, matches);
    }
    const total = matches ? matches.length : this.docs.size;
    const first = (page - 1) * pageSize;
    const ids = Array.from({ length: Math.max(0, Math.min(pageSize, total - first)) }, (_, i) => this.docs.idOf(matches ? matches[first + i]! : first + i));
    return { ids, total };
  }

  /** `known`: the content revision this request has read already, if any. */
  async search(params: SearchParams, known?: number): Promise<SearchResult> {
    await this.docs.refresh(known);
    const key = JSON.stringify(params);
    const revision = this.docs.revision;
    const cached = this.results.get(revision, key);
    if (cached) return cached;
    const result = await this.compute(params);
    this.results.set(revision, key, result);
    return result;
  }

  private async compute(params: SearchParams): Promise<SearchResult> {
    const parsed = parseQuery(params.q, this.lawNames());
    if (!parsed.docNoKey && parsed.terms.length === 0) return this.answer(params, parsed, undefined);
    // The same query with other filters or another page shares the ranking.
    const { ranking, release } = this.rankings.use(this.docs.revision, JSON.stringify([parsed.terms, parsed.docNoKey]), () => this.score(parsed));
    try {
      return await this.answer(params, parsed, await ranking);
    } finally {
      release();
    }
  }

  private async answer(params: SearchParams, parsed: ParsedQuery, ranking: Ranking | undefined): Promise<SearchResult> {
    const filters: SearchFilters = { ...params.filters, orgPath: params.org ? await orgPath(this.store.db, params.org) : undefined };
    // The room serves until the page is known, with nothing awaited meanwhile: it is given back before the hits are read.
    const n = this.docs.size;
    const room = this.room.take(n);
    const { matches, facets } = this.docs.filter(ranking?.slots ?? null, filters, room.matches);
    const sort = params.sort ?? (ranking ? 'relevance' : 'date');
    const end = params.page * params.pageSize;
    // Slots run newest first, so date order is slot order.
    const ordered: ArrayLike<number> = !ranking ? matches : sort === 'relevance' ? this.rank(matches, ranking.scratch, room.base, parsed, end) : Int32Array.from(matches).sort();
    const page = Array.from({ length: Math.max(0, Math.min(end, ordered.length) - (params.page - 1) * params.pageSize) }, (_, i) => ordered[(params.page - 1) * params.pageSize + i]!);
    const total = matches.length;
    this.room.give(room, n);
    const items = await this.hits(page, ranking?.scratch, highlightWords(parsed), parsed);
    return {
      q: params.q,
      parsed: { docNo: parsed.docNo, terms: parsed.terms.map((t) => t.word) },
      items,
      total,
      page: params.page,
      pageSize: params.pageSize,
      sort,
      facets: await this.facetValues(facets, params.filters),
      suggestions: total === 0 && params.q ? await this.suggestions(parsed, params.org) : [],
    };
  }

  /** The short names of the laws and regulations the store holds, read from its titles once per revision. */
  private lawNames(): LawNames {
    const revision = this.docs.revision;
    if (this.names?.revision !== revision) {
      const docs = this.docs;
      this.names = {
        revision,
        names: new LawNames(function* () {
          for (let slot = 0; slot < docs.size; slot++) yield docs.titleOf(slot);
        }),
      };
    }
    return this.names.names;
  }

  /** A document's final relevance: its index score weighted by validity and by its title. */
  private relevance(slot: number, scratch: Scratch, title: (slot: number) => number): number {
    return (scratch.shared + scratch.score[slot]!) * this.docs.priorOf(slot) * title(slot);
  }

  /**
   * The factor by which a document's title weighs its score, by slot: whether a title holds a
   * query word is kept per word, so ranking reads each title once per word and revision.
   */
  private titleFactor(parsed: ParsedQuery): (slot: number) => number {
    const query = bareTitle(parsed.text);
    const terms = parsed.terms;
    const marks = terms.map((t) => this.titled(t));
    return (slot) => {
      const length = this.docs.titleLengthOf(slot);
      if (length === 0 || terms.length === 0) return 1;
      // A title as long as the query holds it only by being it.
      if (length === query.length && this.docs.titleHolds(slot, query)) return TITLE_MAX;
      let covered = 0;
      for (let i = 0; i < terms.length; i++) {
        const mark = marks[i]!;
        if (mark[slot] === 0) mark[slot] = covers(this.docs, slot, terms[i]!) ? COVERED : NOT_COVERED;
        if (mark[slot] === COVERED) covered += terms[i]!.word.length;
      }
      return 1 + Math.min(1, covered / length);
    };
  }

  /**
   * Matches in relevance order, as far as `end`. A title never lowers a score, so the `end`-th best
   * final score is at least the `end`-th best weighted index score (`bar`): a match can rank only
   * if its index score reaches the bar, times at most what a title of its length can give when a
   * query word is in its title or metadata (`inHead`). Only those are weighed by title, and the
   * `end` best kept.
   */
  private rank(matches: Int32Array, scratch: Scratch, room: Float64Array, parsed: ParsedQuery, end: number): Int32Array {
    const { score, shared, inHead } = scratch;
    const base = room.subarray(0, matches.length);
    for (let i = 0; i < matches.length; i++) base[i] = (shared + score[matches[i]!]!) * this.docs.priorOf(matches[i]!);
    const title = this.titleFactor(parsed);
    const most = titleBound(parsed);
    const bar = nthLargest(base, end);
    // Matches run in ascending slots, so among equals the newer wins, as in a stable sort.
    const top = new TopK(end);
    for (let i = 0; i < matches.length; i++) {
      const slot = matches[i]!;
      const b = base[i]!;
      if (inHead[slot] ? b * most(this.docs.titleLengthOf(slot)) < bar : b < bar) continue;
      top.offer(inHead[slot] ? b * title(slot) : b, slot);
    }
    return top.ordered();
  }

  /**
   * The candidate documents (as slots), with a scratch holding their index scores and the mark of
   * those holding a query word in their title or metadata.
   */
  private async score(parsed: ParsedQuery): Promise<Ranking> {
    const n = this.docs.size;
    const scratch = this.scratch.take(n);
    const { score, member, inHead } = scratch;
    /** The candidates, when known without a pass over every document's mark. */
    let candidates: Int32Array | undefined;
    const isCandidate = (slot: number) => (candidates ? positionOf(candidates, slot) >= 0 : member[slot] === 1);
    /** Adds scores by policy id; `onlyCandidates` adds nothing to documents not yet candidates. */
    const add = (scores: Scores, onlyCandidates = false) => {
      for (const [id, s] of scores) {
        const slot = this.docs.slotOfId(id);
        if (slot === undefined || (onlyCandidates && !isCandidate(slot))) continue;
        member[slot] = 1;
        score[slot] += s;
      }
    };
    const terms = parsed.terms;
    if (terms.length > 0) {
      // Short queries match the documents holding every word, when enough do; otherwise (and for
      // questions) every document holding any of them, ranked by how many and how rare.
      // Each word's reads start at once, so a fresh server reads them side by side.
      const heads = terms.map((t) => this.headSlotsOf(t));
      const every = terms.length <= EVERY_WORDS ? await this.every(terms) : new Int32Array();
      const strict = terms.length <= 2 ? every.length > 0 : every.length >= EVERY_ENOUGH;
      // Only candidates' scores are read. Strict candidates are `every`, which hold every word,
      // unless a 文号 names a document that may not.
      if (strict && !parsed.docNoKey) candidates = every;
      else if (strict) for (const slot of every) member[slot] = 1;
      for (const [i, t] of terms.entries()) {
        const slots = await this.slotsOf(t);
        const idf = Math.log(1 + n / Math.max(1, slots.length));
        if (candidates) scratch.shared += idf;
        else
          for (const slot of slots) {
            if (!strict) member[slot] = 1;
            score[slot] += idf;
          }
        for (const slot of await heads[i]!) {
          score[slot] += idf * HEAD_WEIGHT;
          inHead[slot] = 1;
        }
      }
      add(await bestPassages(this.store, await this.passageTerms(terms), this.docs.revision), strict);
      // A few of them are worth the index's own ranking of the whole text.
      if (strict && every.length <= RANK_EVERY_UP_TO) add(await scoreEvery(this.store, terms, Array.from(every, (slot) => this.docs.idOf(slot)), this.docs.revision), true);
    }
    if (parsed.docNoKey) add(new Map((await matchDocNo(this.store, parsed.docNoKey)).map((id) => [id, DOC_NO_BOOST])));
    return { slots: candidates ?? marked(member), scratch };
  }

  /**
   * One part of a word's postings, read once per content revision: concurrent searches share one
   * read, and a failed read is not kept.
   */
  private cached<K extends Exclude<keyof WordEntry, 'titled'>>(term: QueryTerm, part: K, read: () => NonNullable<WordEntry[K]>): NonNullable<WordEntry[K]> {
    const { key, entry } = this.wordEntry(term);
    const found = entry[part];
    if (found) return found as NonNullable<WordEntry[K]>;
    const reading = read();
    entry[part] = reading;
    (reading as Promise<Parameters<typeof bytesOf>[0]>).then(
      (value) => this.words.grow(key, entry, bytesOf(value)),
      () => entry[part] === reading && delete entry[part],
    );
    return reading;
  }

  /** What is known of a word at the current revision. */
  private wordEntry(term: QueryTerm): { key: string; entry: WordEntry } {
    const key = wordKey(term);
    return { key, entry: this.words.use(this.docs.revision, key, () => ({})) };
  }

  /** The marks of the titles holding a word (see COVERED): a byte per document. */
  private titled(term: QueryTerm): Uint8Array {
    const { key, entry } = this.wordEntry(term);
    if (!entry.titled) {
      entry.titled = new Uint8Array(this.docs.size);
      this.words.grow(key, entry, entry.titled.byteLength);
    }
    return entry.titled;
  }

  /** The ids of the documents holding a word and of those holding it in their title or metadata. */
  private read(term: QueryTerm): Promise<{ docs: Int32Array; heads: Int32Array }> {
    return this.cached(term, 'read', () => wordPostings(this.store, term, this.docs.revision));
  }

  /** The documents holding a word, ascending by id. */
  private async docsOf(term: QueryTerm): Promise<Int32Array> {
    return (await this.read(term)).docs;
  }

  /** The slots of the documents holding a word, ascending. */
  private slotsOf(term: QueryTerm): Promise<Int32Array> {
    return this.cached(term, 'slots', async () => this.docs.slotsOf(await this.docsOf(term)));
  }

  /** The slots of the documents whose title or metadata hold a word, ascending (scores are added in memory order). */
  private headSlotsOf(term: QueryTerm): Promise<Int32Array> {
    return this.cached(term, 'heads', async () => this.docs.slotsOf((await this.read(term)).heads));
  }

  /** The slots of a common word's documents as bits (see DENSE_SHARE). */
  private bitsOf(term: QueryTerm): Promise<Uint32Array> {
    return this.cached(term, 'bits', async () => bitsOf(await this.slotsOf(term), this.docs.size));
  }

  /**
   * The slots of the documents holding every word: the intersection of their postings, smallest
   * first; a common word's list is stood for by its bits.
   */
  private async every(terms: QueryTerm[]): Promise<Int32Array> {
    const lists = (await Promise.all(terms.map(async (t) => ({ t, slots: await this.slotsOf(t) })))).sort((a, b) => a.slots.length - b.slots.length);
    let out = lists[0]?.slots ?? new Int32Array();
    for (const { t, slots } of lists.slice(1)) out = slots.length * DENSE_SHARE >= this.docs.size ? within(out, await this.bitsOf(t)) : intersect(out, slots);
    return out;
  }

  /**
   * The words that pick passages: those in at most a fifth of the documents, rarest first, while
   * their passages stay within budget (none when every word is that common: the words each
   * document holds and its title then rank it).
   */
  private async passageTerms(terms: QueryTerm[]): Promise<QueryTerm[]> {
    const df = await Promise.all(terms.map(async (t) => (await this.docsOf(t)).length));
    const rare = terms.map((t, i) => ({ t, df: df[i]! })).filter((r) => r.df > 0 && r.df <= this.docs.size * RARE_SHARE);
    rare.sort((a, b) => a.df - b.df);
    const counts = await Promise.all(rare.map(({ t }) => this.cached(t, 'passages', () => passageCount(this.store, t, this.docs.revision))));
    const out: QueryTerm[] = [];
    let passages = 0;
    for (const [i, { t }] of rare.entries()) {
      if (passages + counts[i]! > PASSAGE_BUDGET) break;
      passages += counts[i]!;
      out.push(t);
    }
    return out;
  }

  private async hits(page: number[], scratch: Scratch | undefined, words: string[], parsed: ParsedQuery): Promise<SearchHit[]> {
    if (page.length === 0) return [];
    const title = this.titleFactor(parsed);
    const byId = await this.hitRows.read(page.map((slot) => this.docs.idOf(slot)), this.docs.revision);
    const marks = parsed.docNo ? [...words, parsed.docNo.toLowerCase()] : words;
    return page.flatMap((slot) => {
      const r = byId.get(this.docs.idOf(slot));
      if (!r) return [];
      const { segments, passage } = snippet(r.passages, words);
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
          score: scratch ? Math.round(this.relevance(slot, scratch, title) * 1000) / 1000 : 0,
        },
      ];
    });
  }

  private async termLabels(): Promise<TermLabels> {
    // The document table was brought up to date by this search; its revision covers the terms too.
    const revision = this.docs.revision;
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
      for (const text of await this.beginningLike(t.word.slice(0, 2))) out.add(text);
    }
    if (out.size === 0) for (const t of await hotTopics(this.store.db, { limit: 5, org })) out.add(t.q);
    return [...out].slice(0, 5);
  }

  /** Up to three titles, topics or agencies holding these first characters of a word found nowhere. */
  private async beginningLike(start: string): Promise<string[]> {
    const revision = this.docs.revision;
    let texts = this.beginnings.get(revision, start);
    if (!texts) this.beginnings.set(revision, start, (texts = (await suggest(this.store, start, 3)).map((s) => s.text)));
    return texts;
  }
}

const engines = new WeakMap<Store['db'], SearchEngine>();

/** One engine per store, so its document table is loaded once per process. */
export function searchEngine(store: Store): SearchEngine {
  let engine = engines.get(store.db);
  if (!engine) engines.set(store.db, (engine = new SearchEngine(store)));
  return engine;
}
