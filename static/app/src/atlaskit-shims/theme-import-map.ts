// Stands in for @atlaskit/tokens' theme import map (see vite.config.mts), one dynamic import per
// theme: about 27 KB gzip of chunks this app never uses. Its themes are one stylesheet made at
// build time (`virtual:ds-tokens.css`), and a theme loaded at run time is injected as a <style>
// element, which Forge's CSP (`style-src 'self'`) blocks. So any theme asked for is empty CSS.
type ThemeImportMap = Record<string, () => Promise<{ default: string }>>;

const emptyTheme = (): Promise<{ default: string }> => Promise.resolve({ default: '' });

export const themeImportMap: ThemeImportMap = new Proxy<ThemeImportMap>({}, { get: () => emptyTheme });
export default themeImportMap;
