/**
 * The exercise library: built-in exercises with their instructions, dosage and pictures, the
 * schemas the clinic's own exercises and prescriptions are checked against, and the helpers
 * to find, describe and draw them. Pure TypeScript: runs in the main process, the renderer and
 * tests alike.
 */
export * from './dosage';
export * from './exercise';
export { BUILT_IN_EXERCISES } from './library/index';
export * from './lookup';
