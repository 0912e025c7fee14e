/**
 * `@aide/walkthrough`: the `<aide-walkthrough>` class and the published tutorial format, with no side effect
 * (`@aide/walkthrough/define` registers the tag). Node tools use `@aide/walkthrough/format` and
 * `@aide/walkthrough/search`, which import no DOM code.
 */
export { AideWalkthrough } from './walkthrough/walkthrough.ts';
export type * from './format.ts';
