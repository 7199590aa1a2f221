import { addMessages } from '../shared/localize.js';
import { statsEn } from './stats.en.js';
import { statsZhCN } from './stats.zh-CN.js';

// The messages of <gk-stats-panel>: imported by that widget only.
addMessages({ 'zh-CN': statsZhCN, en: statsEn });
