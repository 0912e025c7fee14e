/**
 * `@aide/feedback`: the `<aide-feedback>` class and its delivery queue, with no side effect
 * (`@aide/feedback/define` registers the tag and starts sending opinions left waiting on the device).
 */
export { AideFeedback } from './feedback/feedback.ts';
export { Delivery, delivery, type DeliveryOptions, type FeedbackPayload, type QueuedOpinion, type Outcome } from './delivery/delivery.ts';
