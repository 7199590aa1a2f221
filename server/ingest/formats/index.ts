import { csvFormat } from './csv.js';
import { hebeiFormat } from './hebei.js';
import { jsonFormat } from './json.js';
import { lawrefbookFormat } from './lawrefbook.js';
import type { ImportFormat } from './types.js';

export type { ImportFormat, SourceRecord } from './types.js';

/** The registry of import formats; `gongkai import <format> <path>` picks one by name. */
export const importFormats = new Map<string, ImportFormat>([jsonFormat, csvFormat, lawrefbookFormat, hebeiFormat].map((f) => [f.name, f]));
