import type { DB } from '../db/index.js';
import { FACETS, type FacetName } from '../schemas/search.js';
import { currentRevision } from '../services/revision.js';
import { marked } from './id-lists.js';

/**
 * A policy's filterable attributes. The document table holds every policy's in memory, refreshed
 * when the content revision changes (only rows updated since the last load are read): filters and
 * multi-select facet counts then cost microseconds per document instead of one GROUP BY per facet.
 */
export interface DocAttrs {
  id: number;
  /** The title without the state's name, book-title marks and spaces (立法法 = 中华人民共和国立法法). */
  bareTitle: string;
  orgId: string;
  /** The org's path as of the last load: it changes when an org moves. */
  orgPath: string;
  level: string;
  type: string;
  validity: string;
  audience: string | null;
  year: number;
  publishedAt: string;
  serviceObjects: readonly string[];
  lifecycle: readonly string[];
  /** Theme codes with their first-level parents (labor.employment → labor). */
  themes: readonly string[];
}

export interface SearchFilters {
  audience?: ('person' | 'enterprise')[];
  serviceObject?: string[];
  lifecycle?: string[];
  theme?: string[];
  level?: string[];
  type?: string[];
  validity?: string[];
  year?: number[];
  /** Org path prefix (the org with its subtree). */
  orgPath?: string;
  /** Exactly this org path (the org without its subtree). */
  orgExact?: string;
  from?: string;
  to?: string;
}

/** Fewer ids than one in this many documents are sorted into slots; more are marked (see slotsOf). */
const SORT_BELOW_SHARE = 32;

export const bareTitle = (s: string) => s.replace(/中华人民共和国|[《》〈〉“”"'\s]/g, '');

/** Strings (or lists of them) numbered as first seen, so that a column holds a small integer. */
class Codes<T> {
  private readonly byKey = new Map<string, number>();
  readonly values: T[] = [];

  constructor(private readonly keyOf: (value: T) => string) {}

  code(value: T): number {
    const key = this.keyOf(value);
    let c = this.byKey.get(key);
    if (c === undefined) {
      c = this.values.push(value) - 1;
      this.byKey.set(key, c);
    }
    return c;
  }
}

const stringCodes = () => new Codes<string>((v) => v);
const listCodes = () => new Codes<readonly string[]>((vs) => vs.join('\u0000'));

/** A policy's fields in `rows`, one run of FIELDS ints per id. */
const KNOWN = 0;
const ORG = 1;
const LEVEL = 2;
const TYPE = 3;
const VALIDITY = 4;
/** 0 for none, else 1 + the code. */
const AUDIENCE = 5;
const YEAR = 6;
const PUBLISHED = 7;
const SERVICE_OBJECTS = 8;
const LIFECYCLE = 9;
const THEMES = 10;
const TITLE_AT = 11;
const TITLE_LENGTH = 12;
const FIELDS = 13;

export type FacetCounts = Record<FacetName, Map<string, number>>;

interface FacetField {
  field: number;
  values: (value: number) => readonly string[];
}

export class DocTable {
  /**
   * What is known of each policy, by id, as integers, and the bare titles' characters: held in
   * typed arrays, not one object and string per document, since every full garbage collection
   * marks every object. At a million policies the objects took 277 MB of heap, and each full
   * collection 0.6–0.75 s; searches on a freshly started server spent a quarter of their time in it.
   */
  private rows = new Int32Array(0);
  private chars = new Uint16Array(0);
  private charsUsed = 0;
  private readonly orgIds = stringCodes();
  private readonly enums = stringCodes();
  private readonly dates = stringCodes();
  private readonly lists = listCodes();
  private count = 0;
  private loadedRevision = -1;
  private loadedUpTo = '';
  private loading: Promise<void> | undefined;
  /**
   * Facet values as small integers ("value codes"), numbered across facets, so that counting is
   * array arithmetic, not string hashing: one array by value code holds every facet's counts.
   */
  private codes = FACETS.map(() => new Map<string, number>());
  private valueOfCode: string[] = [];
  private facetOfCode: number[] = [];
  /** Slots by policy id (ids are serial), -1 for none: looked up for every id of every word read. */
  private slotOf = new Int32Array(0);
  private orgOfSlot = new Int32Array(0);
  private orgPaths: string[] = [];
  /** Org paths by id at the last load, to notice an org that moved. */
  private pathOfOrg = new Map<string, string>();
  private dayOfSlot = new Int32Array(0);
  /**
   * Per slot, a record of one "field code" per facet (FACETS order): a facet's field value, such
   * as a document's level or its list of themes, numbered across facets. A walk over a million
   * candidates reads 16 bytes of each and counts field codes; the values they stand for
   * (`valuesOfField`) are counted once at the end.
   */
  private records: Uint16Array | Int32Array = new Uint16Array(0);
  private valuesOfField: (readonly number[])[] = [];
  /** By value code, whether its count is told (themes are told at their first level only). */
  private countedCode = new Uint8Array(0);
  private idOfSlot = new Int32Array(0);
  private priorOfSlot = new Float64Array(0);
  private titleLengthOfSlot = new Int32Array(0);

  /** `prior` weighs a document before any query, by its validity (the engine's validity weight). */
  constructor(
    private readonly db: DB,
    private readonly prior: (validity: string) => number,
  ) {}

  idOf(slot: number): number {
    return this.idOfSlot[slot]!;
  }

  priorOf(slot: number): number {
    return this.priorOfSlot[slot]!;
  }

  /** The length of a document's bare title. */
  titleLengthOf(slot: number): number {
    return this.titleLengthOfSlot[slot]!;
  }

  /** A document's bare title (see bareTitle). */
  titleOf(slot: number): string {
    const at = this.idOfSlot[slot]! * FIELDS;
    const from = this.rows[at + TITLE_AT]!;
    return String.fromCharCode.apply(null, this.chars.subarray(from, from + this.rows[at + TITLE_LENGTH]!) as unknown as number[]);
  }

  /** Whether a document's bare title holds this text: read in place, as ranking asks it of many titles. */
  titleHolds(slot: number, text: string): boolean {
    if (text.length === 0) return true;
    const at = this.idOfSlot[slot]! * FIELDS;
    const from = this.rows[at + TITLE_AT]!;
    const last = from + this.rows[at + TITLE_LENGTH]! - text.length;
    const chars = this.chars;
    const first = text.charCodeAt(0);
    for (let i = from; i <= last; i++) {
      if (chars[i] !== first) continue;
      let k = 1;
      while (k < text.length && chars[i + k] === text.charCodeAt(k)) k++;
      if (k === text.length) return true;
    }
    return false;
  }

  get size(): number {
    return this.count;
  }

  /** The content revision the table reflects. */
  get revision(): number {
    return this.loadedRevision;
  }

  /** The document in a slot (made on each call: the table keeps no object per document). */
  attrs(slot: number): DocAttrs {
    const id = this.idOfSlot[slot]!;
    const r = this.rows.subarray(id * FIELDS, (id + 1) * FIELDS);
    const orgId = this.orgIds.values[r[ORG]!]!;
    return {
      id,
      bareTitle: this.titleOf(slot),
      orgId,
      orgPath: this.pathOfOrg.get(orgId) ?? '/',
      level: this.enums.values[r[LEVEL]!]!,
      type: this.enums.values[r[TYPE]!]!,
      validity: this.enums.values[r[VALIDITY]!]!,
      audience: r[AUDIENCE] ? this.enums.values[r[AUDIENCE]! - 1]! : null,
      year: r[YEAR]!,
      publishedAt: this.dates.values[r[PUBLISHED]!]!,
      serviceObjects: this.lists.values[r[SERVICE_OBJECTS]!]!,
      lifecycle: this.lists.values[r[LIFECYCLE]!]!,
      themes: this.lists.values[r[THEMES]!]!,
    };
  }

  slotOfId(id: number): number | undefined {
    const slot = id < this.slotOf.length ? this.slotOf[id]! : -1;
    return slot < 0 ? undefined : slot;
  }

  /**
   * Slots of the known documents among these ids, ascending: a common word's hundreds
   * of thousands are marked and collected in one pass, which costs about half of sorting them.
   */
  slotsOf(ids: ArrayLike<number>): Int32Array {
    if (ids.length * SORT_BELOW_SHARE < this.size) {
      const out = new Int32Array(ids.length);
      let n = 0;
      for (let i = 0; i < ids.length; i++) {
        const slot = this.slotOfId(ids[i]!);
        if (slot !== undefined) out[n++] = slot;
      }
      return out.slice(0, n).sort();
    }
    const marks = new Uint8Array(this.size);
    for (let i = 0; i < ids.length; i++) {
      const slot = this.slotOfId(ids[i]!);
      if (slot !== undefined) marks[slot] = 1;
    }
    return marked(marks);
  }

  /**
   * Brings the table up to the store's content revision (`known`: as the caller read it already);
   * concurrent callers share one load.
   */
  async refresh(known?: number): Promise<void> {
    const revision = known ?? (await currentRevision(this.db));
    // A load already under way may be for an older revision: wait for it, then load what is missing.
    while (this.loadedRevision < revision) {
      this.loading ??= this.load(revision).finally(() => (this.loading = undefined));
      await this.loading;
    }
  }

  private async load(revision: number): Promise<void> {
    const orgPaths = new Map((await this.db.selectFrom('orgs').select(['id', 'path']).execute()).map((o) => [o.id, o.path]));
    const since = this.loadedUpTo;
    const rows = await this.db
      .selectFrom('policies')
      .select(['id', 'title', 'org_id', 'level', 'type', 'validity', 'audience', 'year', 'published_at', 'updated_at'])
      .where('updated_at', '>=', since)
      .execute();
    const terms = await this.db
      .selectFrom('policy_terms as pt')
      .innerJoin('taxonomy_terms as t', 't.id', 'pt.term_id')
      .innerJoin('policies as p', 'p.id', 'pt.policy_id')
      .select(['pt.policy_id', 't.axis', 't.code', 't.parent_code'])
      .where('p.updated_at', '>=', since)
      .execute();
    const byPolicy = new Map<number, typeof terms>();
    for (const t of terms) (byPolicy.get(t.policy_id) ?? byPolicy.set(t.policy_id, []).get(t.policy_id)!).push(t);

    this.reserve(rows.reduce((max, r) => Math.max(max, r.id + 1), 0));
    const titles = rows.map((r) => bareTitle(r.title));
    this.reserveChars(titles.reduce((sum, t) => sum + t.length, 0));
    let upTo = since;
    for (const [i, r] of rows.entries()) {
      const own = byPolicy.get(r.id) ?? [];
      const themes = new Set<string>();
      for (const t of own) if (t.axis === 'theme') themes.add(t.code).add(t.parent_code ?? t.code);
      const at = r.id * FIELDS;
      const row = this.rows;
      row[at + KNOWN] = 1;
      row[at + ORG] = this.orgIds.code(r.org_id);
      row[at + LEVEL] = this.enums.code(r.level);
      row[at + TYPE] = this.enums.code(r.type);
      row[at + VALIDITY] = this.enums.code(r.validity);
      row[at + AUDIENCE] = r.audience === null ? 0 : 1 + this.enums.code(r.audience);
      row[at + YEAR] = r.year;
      row[at + PUBLISHED] = this.dates.code(r.published_at);
      row[at + SERVICE_OBJECTS] = this.lists.code(own.filter((t) => t.axis === 'service_object').map((t) => t.code));
      row[at + LIFECYCLE] = this.lists.code(own.filter((t) => t.axis === 'lifecycle').map((t) => t.code));
      row[at + THEMES] = this.lists.code([...themes]);
      this.writeTitle(at, titles[i]!);
      if (r.updated_at > upTo) upTo = r.updated_at;
    }
    // An org that moved moves its unchanged documents too.
    const moved = [...orgPaths].some(([id, path]) => this.pathOfOrg.get(id) !== path);
    this.pathOfOrg = orgPaths;
    if (rows.length > 0 || moved || this.loadedRevision === -1) this.compile();
    this.loadedUpTo = upTo;
    this.loadedRevision = revision;
  }

  /** Room for ids below `ids`. */
  private reserve(ids: number): void {
    if (ids * FIELDS <= this.rows.length) return;
    const grown = new Int32Array(Math.max(ids, Math.ceil((this.rows.length / FIELDS) * 1.5)) * FIELDS);
    grown.set(this.rows);
    this.rows = grown;
  }

  /** Room for this many more title characters. */
  private reserveChars(more: number): void {
    if (this.charsUsed + more <= this.chars.length) return;
    const grown = new Uint16Array(Math.max(this.charsUsed + more, Math.ceil(this.chars.length * 1.25)));
    grown.set(this.chars.subarray(0, this.charsUsed));
    this.chars = grown;
  }

  /** Appends a title's characters (a title written again leaves its old ones until compile packs them). */
  private writeTitle(at: number, title: string): void {
    for (let i = 0; i < title.length; i++) this.chars[this.charsUsed + i] = title.charCodeAt(i);
    this.rows[at + TITLE_AT] = this.charsUsed;
    this.rows[at + TITLE_LENGTH] = title.length;
    this.charsUsed += title.length;
  }

  /** Lays the documents out in slots, newest first, with their columns. */
  private compile(): void {
    const rows = this.rows;
    const ids = rows.length / FIELDS;
    // Newest first, by date and then id: dates ranked as strings, then one numeric key per document.
    const dates = this.dates.values;
    const rankOfDate = new Int32Array(dates.length);
    Array.from(dates.keys())
      .sort((a, b) => (dates[a]! < dates[b]! ? -1 : dates[a]! > dates[b]! ? 1 : 0))
      .forEach((code, rank) => (rankOfDate[code] = rank));
    const keys: number[] = [];
    for (let id = 0; id < ids; id++) if (rows[id * FIELDS + KNOWN]) keys.push(rankOfDate[rows[id * FIELDS + PUBLISHED]!]! * 2 ** 32 + id);
    const order = Float64Array.from(keys).sort().reverse();
    const n = (this.count = order.length);
    this.idOfSlot = Int32Array.from(order, (key) => key % 2 ** 32);
    this.slotOf = new Int32Array(ids).fill(-1);
    this.idOfSlot.forEach((id, slot) => (this.slotOf[id] = slot));
    const priorOfValidity = this.enums.values.map((v) => this.prior(v));
    const dayOfDate = Int32Array.from(dates, dayKey);
    // Org paths numbered per org code.
    const orgIndex = new Map<string, number>();
    const pathIndexOfOrg = Int32Array.from(this.orgIds.values, (org) => {
      const path = this.pathOfOrg.get(org) ?? '/';
      if (!orgIndex.has(path)) orgIndex.set(path, orgIndex.size);
      return orgIndex.get(path)!;
    });
    this.priorOfSlot = new Float64Array(n);
    this.titleLengthOfSlot = new Int32Array(n);
    this.orgOfSlot = new Int32Array(n);
    this.dayOfSlot = new Int32Array(n);
    // Field codes by facet and field value, and the value codes each stands for.
    const fields = this.facetFields();
    const fieldCodeOf = fields.map(() => [] as (number | undefined)[]);
    const valuesOfField: (readonly number[])[] = [];
    const fieldCode = (f: number, value: number) =>
      (fieldCodeOf[f]![value] ??= valuesOfField.push(fields[f]!.values(value).map((v) => this.code(f, v))) - 1);
    const width = fields.length;
    const records = new Int32Array(n * width);
    for (let slot = 0; slot < n; slot++) {
      const at = this.idOfSlot[slot]! * FIELDS;
      this.priorOfSlot[slot] = priorOfValidity[rows[at + VALIDITY]!]!;
      this.titleLengthOfSlot[slot] = rows[at + TITLE_LENGTH]!;
      this.orgOfSlot[slot] = pathIndexOfOrg[rows[at + ORG]!]!;
      this.dayOfSlot[slot] = dayOfDate[rows[at + PUBLISHED]!]!;
      for (let f = 0; f < width; f++) records[slot * width + f] = fieldCode(f, rows[at + fields[f]!.field]!);
    }
    this.records = valuesOfField.length <= 0xffff ? Uint16Array.from(records) : records;
    this.valuesOfField = valuesOfField;
    this.countedCode = Uint8Array.from(this.valueOfCode, (value, code) => (FACETS[this.facetOfCode[code]!] === 'theme' && value.includes('.') ? 0 : 1));
    this.orgPaths = [...orgIndex.keys()];
    const live = this.titleLengthOfSlot.reduce((sum, l) => sum + l, 0);
    if (this.charsUsed > 2 * live) this.packTitles(live);
  }

  /** Drops the characters of titles written again, keeping the `live` ones. */
  private packTitles(live: number): void {
    const old = this.chars;
    this.chars = new Uint16Array(Math.max(1024, live));
    this.charsUsed = 0;
    for (let slot = 0; slot < this.count; slot++) {
      const at = this.idOfSlot[slot]! * FIELDS;
      const from = this.rows[at + TITLE_AT]!;
      const length = this.rows[at + TITLE_LENGTH]!;
      this.chars.set(old.subarray(from, from + length), this.charsUsed);
      this.rows[at + TITLE_AT] = this.charsUsed;
      this.charsUsed += length;
    }
  }

  /**
   * Under each facet (in FACETS order), the field it reads and the values a document matches for
   * the field's value ('both' audiences match either selection).
   */
  private facetFields(): FacetField[] {
    const { enums, lists } = this;
    const one = (v: number) => [enums.values[v]!];
    const list = (v: number) => lists.values[v]!;
    const byFacet: Record<FacetName, FacetField> = {
      audience: { field: AUDIENCE, values: (v) => (v === 0 ? [] : enums.values[v - 1] === 'both' ? ['person', 'enterprise'] : [enums.values[v - 1]!]) },
      serviceObject: { field: SERVICE_OBJECTS, values: list },
      lifecycle: { field: LIFECYCLE, values: list },
      theme: { field: THEMES, values: list },
      level: { field: LEVEL, values: one },
      type: { field: TYPE, values: one },
      validity: { field: VALIDITY, values: one },
      year: { field: YEAR, values: (v) => [String(v)] },
    };
    return FACETS.map((name) => byFacet[name]);
  }

  private code(facet: number, value: string): number {
    let c = this.codes[facet]!.get(value);
    if (c === undefined) {
      c = this.valueOfCode.push(value) - 1;
      this.facetOfCode.push(facet);
      this.codes[facet]!.set(value, c);
    }
    return c;
  }

  /**
   * Filters slots (all of them, newest first, when `candidates` is null) and counts facets in one
   * pass. A facet's counts ignore its own selection (multi-select): a document failing only that
   * facet still counts there. The matches are written to `into` when given (a search's scratch,
   * one slot per document), else to a new array.
   */
  filter(candidates: Int32Array | null, f: SearchFilters, into?: Int32Array): { matches: Int32Array; facets: FacetCounts } {
    return this.walk(candidates, f, true, into) as { matches: Int32Array; facets: FacetCounts };
  }

  /** The slots passing the filters, newest first, without facet counts (a plain list). */
  select(f: SearchFilters): Int32Array {
    return this.walk(null, f, false).matches;
  }

  private walk(candidates: Int32Array | null, f: SearchFilters, facets: boolean, into?: Int32Array): { matches: Int32Array; facets?: FacetCounts } {
    // The chosen facets, and on each field code holding a selected value its facet's bit.
    const chosen: number[] = [];
    const selected = new Uint8Array(this.valueOfCode.length);
    FACETS.forEach((name, i) => {
      const values = f[name] as (string | number)[] | undefined;
      if (!values) return;
      chosen.push(i);
      for (const v of values) {
        const c = this.codes[i]!.get(String(v));
        if (c !== undefined) selected[c] = 1;
      }
    });
    const passBit = new Int32Array(this.valuesOfField.length);
    if (chosen.length > 0) this.valuesOfField.forEach((values, field) => values.some((v) => selected[v]) && (passBit[field] = 1 << this.facetOfCode[values[0]!]!));
    const chosenBits = chosen.reduce((bits, i) => bits | (1 << i), 0);
    const orgAllowed = f.orgPath || f.orgExact ? Uint8Array.from(this.orgPaths, (p) => (orgMatches(p, f) ? 1 : 0)) : null;
    const dated = f.from !== undefined || f.to !== undefined;
    const from = f.from ? dayKey(f.from) : 0;
    const to = f.to ? dayKey(f.to) : Infinity;
    const records = this.records;
    const width = FACETS.length;
    const fieldCounts = new Int32Array(this.valuesOfField.length);
    const n = candidates ? candidates.length : this.count;
    const matches = into ?? new Int32Array(n);
    let found = 0;
    for (let j = 0; j < n; j++) {
      const slot = candidates ? candidates[j]! : j;
      if (orgAllowed && !orgAllowed[this.orgOfSlot[slot]!]) continue;
      if (dated) {
        const day = this.dayOfSlot[slot]!;
        if (day < from || day > to) continue;
      }
      const at = slot * width;
      // The chosen facets none of whose selected values the document has.
      let hit = 0;
      for (let c = 0; c < chosen.length; c++) hit |= passBit[records[at + chosen[c]!]!]!;
      const missing = chosenBits & ~hit;
      if (missing === 0) {
        if (facets) for (let k = at; k < at + width; k++) fieldCounts[records[k]!]!++;
        matches[found++] = slot;
      } else if (facets && (missing & (missing - 1)) === 0) {
        // Failing one facet only, it still counts there (multi-select).
        fieldCounts[records[at + 31 - Math.clz32(missing)]!]!++;
      }
    }
    if (!facets) return { matches: matches.subarray(0, found) };
    const counts = new Int32Array(this.valueOfCode.length);
    fieldCounts.forEach((count, field) => {
      if (count > 0) for (const v of this.valuesOfField[field]!) counts[v]! += count;
    });
    const byFacet = Object.fromEntries(FACETS.map((name) => [name, new Map<string, number>()])) as FacetCounts;
    counts.forEach((count, code) => count > 0 && this.countedCode[code] && byFacet[FACETS[this.facetOfCode[code]!]!].set(this.valueOfCode[code]!, count));
    return { matches: matches.subarray(0, found), facets: byFacet };
  }
}

/** Checked once per distinct org path per call, not per document. */
const orgMatches = (path: string, f: SearchFilters) => path.startsWith(f.orgPath ?? '') && (!f.orgExact || path === f.orgExact);

/** 2024-03-05 → 20240305, comparable as a number. */
const dayKey = (iso: string) => Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
