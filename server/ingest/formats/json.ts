import { readFile } from 'node:fs/promises';
import type { ImportFormat, SourceRecord } from './types.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lines on which each top-level element of a (valid) JSON array starts. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') continue;
    if (depth === 1 && expectElement && ch !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

/** A JSON array of policy objects, or JSON Lines (one object per line). */
export const jsonFormat: ImportFormat = {
  name: 'json',
  source: 'import',
  description: 'Policies as a JSON array of objects, or JSON Lines (.jsonl, .ndjson)',
  async *read(path: string): AsyncIterable<SourceRecord> {
    const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    if (text.trimStart().startsWith('[')) {
      let items: unknown;
      try {
        items = JSON.parse(text);
      } catch (e) {
        throw new Error(`${path} is not valid JSON: ${(e as Error).message}`);
      }
      const lines = elementLines(text);
      for (const [i, item] of (items as unknown[]).entries()) {
        yield isObject(item) ? { line: lines[i] ?? 0, record: item } : { line: lines[i] ?? 0, error: 'not a JSON object' };
      }
      return;
    }
    for (const [i, raw] of text.split('\n').entries()) {
      if (!raw.trim()) continue;
      try {
        const item: unknown = JSON.parse(raw);
        yield isObject(item) ? { line: i + 1, record: item } : { line: i + 1, error: 'not a JSON object' };
      } catch (e) {
        yield { line: i + 1, error: `invalid JSON: ${(e as Error).message}` };
      }
    }
  },
};
