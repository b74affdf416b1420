// Types for what tests/unit/layers.test.ts reads from eslint.config.js (the config itself is plain JS).
import type { Linter } from 'eslint';

export declare const MAIN_LAYERS: string[][];
export declare const LAYER_MAX_DEPTH: number;
declare const config: Linter.Config[];
export default config;
