import { addMessages } from '../shared/localize.js';
import { mediaEn } from './media.en.js';
import { mediaZhCN } from './media.zh-CN.js';

// The messages of the new-media matrix and hot-article widgets: imported by those widgets only.
addMessages({ 'zh-CN': mediaZhCN, en: mediaEn });
