// Stands in for the Emotion `@atlaskit/primitives/pressable` (see vite.config.mts).
export { Pressable as default } from '@atlaskit/primitives/compiled/pressable';
