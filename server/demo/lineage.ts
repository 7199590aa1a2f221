/**
 * Demo lineage, decided while documents are generated: which earlier document an interpretation
 * explains, which one repeals or supersedes a lapsing document, what implements, is based on,
 * forwards or relates to what, and which policies carry services, FAQs and the key-policy mark.
 * It remembers only the last few documents per subject and place, so memory stays flat; the
 * relations, media, services and FAQs it plans are keyed by source key, for the seeder to write.
 * Media and FAQs are kept as what they are made from, with a random seed of their own, and made
 * when asked for: made at once, a million documents' plan held 600 MB in the seeding process, and
 * each garbage collection during the import had to go through it.
 */
import type { RelationKind } from '../db/types.js';
import type { PolicyType } from '../schemas/policy.js';
import { isoOf } from './dates.js';
import { interpretationMedia, type DemoMedia, type MediaContext } from './interpretations.js';
import { Random } from './random.js';
import { faqsFor, pickServices, servicesFor, type DemoFaq, type DemoService, type FaqSource } from './services.js';
import type { Subject } from './subjects.js';

/** What the planner keeps of a generated document. */
export interface LineageDoc {
  key: string;
  title: string;
  /** The name of the document a cover notice issues, when it issues one. */
  inner: string | null;
  subject: Subject;
  place: string;
  level: string;
  type: PolicyType;
  /** Published and in force from, as day numbers. */
  day: number;
  start: number;
}

export interface PlannedRelation {
  from: string;
  to: string;
  kind: RelationKind;
  date: string | null;
}

export interface PlannedMedia extends DemoMedia {
  key: string;
}

const LEVEL_RANK: Record<string, number> = { national: 4, departmental_rule: 4, provincial: 3, city: 2, county: 1, township: 0 };
/** Types that set policy: what is interpreted, implemented, repealed or superseded. */
const SETS_POLICY = new Set<string>(['policy', 'normative', 'rule', 'plan']);
const PER_SUBJECT = 12;
const PER_PLACE = 48;
/** Key policies: the interpreted ones among the first city and county policies, and a few never interpreted. */
const KEY_INTERPRETED = 36;
const KEY_UNINTERPRETED = 6;
const KEY_CANDIDATES = 400;
/** A repealing or superseding document takes effect at least this long after the one it replaces. */
const MIN_LIFE = 180;

const push = <T>(list: T[], item: T, max: number) => {
  list.push(item);
  if (list.length > max) list.shift();
};

const listIn = <T>(map: Map<string, T[]>, key: string): T[] => map.get(key) ?? map.set(key, []).get(key)!;

/** A document's name as another document cites it: the document a cover notice issues, else its title. */
export const nameOf = (d: LineageDoc) => d.inner ?? d.title;

/** What a seed of its own makes into media or FAQs when they are written. */
interface Seeded<T> {
  source: T;
  seed: number;
}

export class DemoLineage {
  readonly relations: PlannedRelation[] = [];
  readonly services = new Map<string, DemoService[]>();
  private readonly mediaPlans: Seeded<MediaContext>[] = [];
  private readonly faqPlans = new Map<string, Seeded<FaqSource>>();
  private readonly r: Random;
  private readonly bySubject = new Map<string, LineageDoc[]>();
  private readonly byPlace = new Map<string, LineageDoc[]>();
  private readonly statutes = new Map<string, LineageDoc[]>();
  private readonly candidates: { key: string; interpreted: boolean }[] = [];

  /** Its own random stream, so the documents' draws do not depend on how lineage is planned. */
  constructor(seed: number) {
    this.r = new Random(seed ^ 0x5eed1ea9);
  }

  /**
   * The earlier policy of the same place an interpretation explains, preferring the interpreting
   * body's own fields; null for the few that explain a document outside the library.
   */
  interpretationTarget(place: string, subjects: readonly Subject[]): LineageDoc | null {
    const recent = this.byPlace.get(place) ?? [];
    if (recent.length === 0 || this.r.chance(0.015)) return null;
    const own = recent.filter((d) => subjects.includes(d.subject));
    return this.r.pick((own.length ? own : recent).slice(-4));
  }

  /** Days between a policy and its interpretation: published with it or soon after. */
  lag(): number {
    return this.r.chance(0.5) ? 0 : this.r.int(1, 10);
  }

  /** Records an interpretation, its link (when it has a policy) and its form and media. */
  interpreted(key: string, target: LineageDoc | null, day: number, context: Omit<MediaContext, 'key' | 'publishedAt'>): void {
    if (target) {
      this.relations.push({ from: key, to: target.key, kind: 'interprets', date: isoOf(day) });
      const candidate = this.candidates.find((c) => c.key === target.key);
      if (candidate) candidate.interpreted = true;
    }
    this.mediaPlans.push({ source: { ...context, key, publishedAt: isoOf(day) }, seed: this.seed() });
  }

  /** The planned interpretations' media, in planning order. */
  media(): PlannedMedia[] {
    return this.mediaPlans.map(({ source, seed }) => ({ key: source.key, ...interpretationMedia(source, new Random(seed)) }));
  }

  /** The planned FAQs by source key. */
  faqs(): Map<string, DemoFaq[]> {
    return new Map([...this.faqPlans].map(([key, { source, seed }]) => [key, faqsFor(source, new Random(seed))]));
  }

  private seed(): number {
    return this.r.int(0, 2 ** 32 - 1);
  }

  /**
   * The document of the same place and subject that ends a lapsing one (taking effect at least
   * half a year after it), or null when the library holds none: then the document stays in force.
   */
  successor(place: string, subject: Subject, from: number, reference: number): LineageDoc | null {
    let best: LineageDoc | null = null;
    for (const d of this.bySubject.get(subject.text) ?? []) {
      if (d.place !== place || d.type === 'plan' || !SETS_POLICY.has(d.type)) continue;
      if (d.start <= from + MIN_LIFE || d.start > reference) continue;
      if (!best || d.start < best.start) best = d;
    }
    return best;
  }

  /** Records that `by` repeals or supersedes (or amends) `key` from the day it takes effect. */
  ended(key: string, type: PolicyType, by: LineageDoc, validity: 'repealed' | 'amended'): void {
    const kind: RelationKind = validity === 'repealed' ? 'repeals' : by.type === type ? 'supersedes' : 'amends';
    this.relations.push({ from: by.key, to: key, kind, date: isoOf(by.start) });
  }

  /** A policy of the same subject from a higher level, published in the year before `day`, that a notice may forward. */
  forwardable(subject: Subject, level: string, day: number): LineageDoc | null {
    const higher = (this.bySubject.get(subject.text) ?? []).filter((d) => LEVEL_RANK[d.level]! > LEVEL_RANK[level]! && SETS_POLICY.has(d.type) && d.day < day && day - d.day < 365);
    return higher.length && this.r.chance(0.25) ? higher[higher.length - 1]! : null;
  }

  forwards(key: string, target: LineageDoc, day: number): void {
    this.relations.push({ from: key, to: target.key, kind: 'forwards', date: isoOf(day) });
  }

  /**
   * Plans what a newly generated document links to (implements or is based on a higher level's
   * document of its subject, is based on a statute of its field, relates to an earlier document of
   * its place), its services and FAQs, and remembers it.
   */
  add(d: LineageDoc, p: { audience: string | null; theme: string; scope: string; validFrom: string | null; validTo: string | null; areaCode: string; lapsed: boolean }): void {
    const sets = SETS_POLICY.has(d.type);
    if (sets && d.level !== 'township') {
      const earlier = (this.bySubject.get(d.subject.text) ?? []).filter((x) => x.day < d.day && x.type !== 'interpretation' && x.type !== 'report');
      const higher = earlier.filter((x) => LEVEL_RANK[x.level]! > LEVEL_RANK[d.level]! && SETS_POLICY.has(x.type));
      if (higher.length && this.r.chance(0.35)) {
        const kind = /实施|措施|细则/.test(d.title) && this.r.chance(0.7) ? 'implements' : 'based_on';
        this.relations.push({ from: d.key, to: higher[higher.length - 1]!.key, kind, date: isoOf(d.start) });
      }
      const statutes = this.statutes.get(p.theme.split('.')[0]!) ?? [];
      if (statutes.length && this.r.chance(0.08)) this.relations.push({ from: d.key, to: this.r.pick(statutes).key, kind: 'based_on', date: isoOf(d.start) });
      const peers = earlier.filter((x) => x.place === d.place && x.key !== d.key);
      if (peers.length && this.r.chance(0.12)) this.relations.push({ from: d.key, to: this.r.pick(peers).key, kind: 'related', date: null });
    }
    if (p.audience !== null && d.type !== 'interpretation' && d.type !== 'report') {
      const available = servicesFor(p.theme).length;
      const services = available && this.r.chance(0.4) ? pickServices(p.theme, this.r.int(1, Math.min(3, available)), this.r) : [];
      if (services.length) this.services.set(d.key, services);
      if (this.r.chance(0.3)) {
        this.faqPlans.set(d.key, { source: { title: d.title, subject: d.subject.text, scope: p.scope, validFrom: p.validFrom, validTo: p.validTo, service: services[0]?.name ?? null, areaCode: p.areaCode }, seed: this.seed() });
      }
    }
    if (sets && !p.lapsed && (d.level === 'city' || d.level === 'county') && d.type !== 'plan' && this.candidates.length < KEY_CANDIDATES) {
      this.candidates.push({ key: d.key, interpreted: false });
    }
    this.remember(d);
  }

  /** National statutes: what local documents are based on. */
  addStatute(d: LineageDoc, theme: string): void {
    push(listIn(this.statutes, theme.split('.')[0]!), d, 4);
  }

  private remember(d: LineageDoc): void {
    if (d.type === 'interpretation' || d.type === 'report') return;
    push(listIn(this.bySubject, d.subject.text), d, PER_SUBJECT);
    if (SETS_POLICY.has(d.type)) push(listIn(this.byPlace, d.place), d, PER_PLACE);
  }

  /** 重点政策: a few dozen city and county policies, most of them interpreted, some not. */
  keyPolicies(): string[] {
    const interpreted = this.candidates.filter((c) => c.interpreted).slice(0, KEY_INTERPRETED);
    const not = this.candidates.filter((c) => !c.interpreted).slice(0, KEY_UNINTERPRETED);
    return [...interpreted, ...not].map((c) => c.key);
  }
}
