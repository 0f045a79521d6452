/**
 * The project's WXT config with minification off, for the benchmark's time breakdown: the
 * CPU profile of an unminified build keeps function names and `//#region <source file>`
 * markers, so samples can be traced back to src/ files. Used only by `npm run bench`.
 */
import { defineConfig } from 'wxt';
import base from '../../../wxt.config';

export default defineConfig({
  ...base,
  root: `${import.meta.dirname}/../../..`,
  outDir: process.env.COLUMNLENS_PROFILE_OUT_DIR ?? '.output-bench-profile',
  vite: () => ({ build: { minify: false } }),
});
