/**
 * The component views of the panel, in the order of its first screen. Each component package exports
 * its descriptor from src/panel-view.ts.
 */
import type { ComponentView } from '@aide/core/element';
import { walkthroughView } from '@aide/walkthrough/panel-view';
import { locatorView } from '@aide/locator/panel-view';
import { feedbackView, storyView } from '@aide/feedback/panel-view';


export const componentViews: ComponentView[] = [walkthroughView, locatorView, feedbackView, storyView];
