/** The clinical domain: soreness rules, running programmes and the engine that joins them. */
export * from './check-in';
export * from './decision';
export * from './describe-level';
export * from './engine';
export * from './programme';
export * from './programme-templates';
export * from './progress';
export * from './rule-set';
export * from './rule-sets';
export * from './self-check';
export * from './soreness-report';
export * from './units';
export * from './wording';
