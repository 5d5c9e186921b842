/** Confluence Cloud REST API v2 emulator and page renderer for the offline local site. */
export { migrateConfluence, resetConfluence } from './schema';
export { seedConfluence } from './seed';
export { createConfluenceRouter } from './router';
export type { RouterOptions as ConfluenceRouterOptions } from './routes/options';
export { findPageUrl, getPageForView, type PageForView } from './page-view';
export { renderStorageToHtml, type RenderHooks, type ForgeMacroRef, type JiraIssueSummary } from './render/storage-render';
export { renderAdfToHtml } from './render/adf-render';
export { adfToStorage } from './adf/adf-to-storage';
export { storageToAdf } from './adf/storage-to-adf';
export { APP_ACCOUNT_ID } from './representation';
