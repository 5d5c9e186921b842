// Stands in for the Emotion `@atlaskit/primitives/box` (see vite.config.mts): same component, styled
// by Compiled's extracted CSS instead of a <style> element injected at run time.
export { Box as default } from '@atlaskit/primitives/compiled/box';
