/**
 * The clinical intake's pure core: schemas for each section (drafts and complete), outcome-measure
 * scoring, physical tests with LSI, the readiness evaluation, the signing check and the SOAP
 * objective text. No clock, no I/O: today's date is always passed in.
 */
export * from './distance';
export * from './episode';
export * from './fields';
export * from './format';
export * from './intake';
export * from './measures/lefs';
export * from './measures/psfs';
export * from './measures/score';
export * from './measures/visa-a';
export * from './note-text';
export * from './physical-tests';
export * from './readiness';
export * from './red-flags';
export * from './running-history';
export * from './signing';
export * from './soap';
export * from './starting-level';
export * from './starting-point';
export * from './summary';
export * from './symptoms';
