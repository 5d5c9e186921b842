/** Stylesheets are bundled by Vite; `virtual:ds-tokens.css` is made by vite.config.ts from @atlaskit/tokens. */
declare module '*.css';
declare module 'virtual:ds-tokens.css';
