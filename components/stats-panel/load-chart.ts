/**
 * The trend drawing (echarts), fetched the first time a trend is drawn, in its own chunk. The IIFE
 * builds replace this module with one that imports the ES build's chunk from beside their script
 * (scripts/build-widgets.mjs), so every page shares one cached copy.
 */
export const loadChart = () => import('./trend-chart.js');
