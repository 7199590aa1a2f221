/**
 * Which rows of the 河北 corpus are the same document. The sites list one document under several
 * columns (科技政策 and 规范性文件汇总表) and republish each other's (a department reposts the
 * provincial government's file a few days later, often without its body). A 文号 alone is not proof:
 * one decree amends many rules, and sites mistype numbers.
 */
import { createHash } from 'node:crypto';
import { docNoKey } from './doc-no.js';
import type { HebeiDoc } from './hebei-rows.js';
import { compact } from './hebei-text.js';

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 20);
const DAY = 86_400_000;
/** How long after the original a copy may be reposted. */
const REPOST_DAYS = 7;

// 关于印发《X》的通知 and X name one document.
const core = (title: string) => compact(title).replace(/^.*?关于(?:印发|转发)?|^.*?印发|《|》|的通知$/g, '');
const sameTitle = (a: HebeiDoc, b: HebeiDoc) => {
  const [x, y] = [core(a.title), core(b.title)];
  return x.includes(y) || y.includes(x);
};
const head = (d: HebeiDoc) => compact(d.bodyText).slice(0, 200);
const sameText = (a: HebeiDoc, b: HebeiDoc) => !a.bodyText || !b.bodyText || head(a) === head(b);

/** A stable key per document; every copy of one document gets the same key. */
export function documentKeys(docs: HebeiDoc[]): Map<HebeiDoc, string> {
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (i: number, j: number) => {
    parent[find(j)] = find(i);
  };

  const byNumber = new Map<string, number[]>();
  const byTitle = new Map<string, number[]>();
  docs.forEach((d, i) => {
    if (d.docNo) byNumber.set(docNoKey(d.docNo)!, [...(byNumber.get(docNoKey(d.docNo)!) ?? []), i]);
    const t = `${d.orgId}|${compact(d.title)}`;
    byTitle.set(t, [...(byTitle.get(t) ?? []), i]);
  });
  for (const group of byNumber.values()) {
    for (const j of group) {
      const i = group.find((i) => i < j && sameTitle(docs[i]!, docs[j]!) && sameText(docs[i]!, docs[j]!));
      if (i !== undefined) union(i, j);
    }
  }
  for (const group of byTitle.values()) {
    for (const j of group) {
      const [b, bNo] = [docs[j]!, docs[j]!.docNo && docNoKey(docs[j]!.docNo!)];
      const i = group.find((i) => {
        const a = docs[i]!;
        const days = Math.abs(Date.parse(a.publishedAt) - Date.parse(b.publishedAt)) / DAY;
        const numbers = !a.docNo || !bNo || docNoKey(a.docNo) === bNo;
        return i < j && days <= REPOST_DAYS && numbers && sameText(a, b);
      });
      if (i !== undefined) union(i, j);
    }
  }

  const members = new Map<number, HebeiDoc[]>();
  docs.forEach((d, i) => members.set(find(i), [...(members.get(find(i)) ?? []), d]));
  const keys = new Map<HebeiDoc, string>();
  const taken = new Set<string>();
  for (const group of members.values()) {
    const first = group[0]!;
    const numbered = group.find((d) => d.docNo);
    let key = numbered ? `no:${docNoKey(numbered.docNo!)}` : sha1(`${first.orgId}|${compact(first.title)}|${first.publishedAt}`);
    // Documents that share a number or a title and date but not their text keep apart.
    if (taken.has(key)) key = `${key}:${sha1(`${compact(first.title)}|${head(first)}`).slice(0, 8)}`;
    taken.add(key);
    for (const d of group) keys.set(d, key);
  }
  return keys;
}
