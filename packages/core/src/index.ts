export { fold, words } from './text.ts';
