export * from './types';
export { detectFormat, parseTranscript, PARSERS } from './detect';
export { resolveTimes, type TimeSettings } from './resolve';
export { matchKey } from './names';
