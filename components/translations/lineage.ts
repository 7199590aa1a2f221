import { addMessages } from '../shared/localize.js';
import { lineageEn } from './lineage.en.js';
import { lineageZhCN } from './lineage.zh-CN.js';

// The messages of the graph, detail and interpretation widgets: imported by those widgets only.
addMessages({ 'zh-CN': lineageZhCN, en: lineageEn });
