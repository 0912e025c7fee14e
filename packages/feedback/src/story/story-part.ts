/**
 * « Raconter mon expérience », loaded by `<aide-feedback>` only when the story form is asked for (its own chunk: the
 * opinion form does not pay for it). @aide/masking is a further chunk, loaded when the form is on screen.
 */
export { StoryController } from './story.ts';
export { renderStory } from './story-view.ts';
export { storyStyles } from './story.styles.ts';
export { storyStrings } from './strings.ts';
