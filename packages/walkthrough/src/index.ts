export { AideWalkthrough, matchesProcedure } from './walkthrough/walkthrough.ts';
export type * from './format.ts';
