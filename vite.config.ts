import { defineConfig } from 'vite';

// Shared by scripts/build-widgets.mjs and Storybook. Some dependencies read
// process.env.NODE_ENV, which browsers lack (DESIGN §7).
export default defineConfig(({ mode }) => ({
  define: {
    'process.env.NODE_ENV': JSON.stringify(mode === 'production' ? 'production' : 'development'),
  },
}));
