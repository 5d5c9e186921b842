/**
 * The one typed contract between the Custom UI and the resolvers. The UI imports it with
 * `import type` only; nothing here may import from `static/`.
 */
export type * from './contract/common';
export type * from './contract/timeline';
export type * from './contract/review';
export type * from './contract/publish';
export type * from './contract/summaries';
export type * from './contract/insights';
export type * from './contract/search';
export type * from './contract/templates';
export type * from './contract/resolvers';
