/**
 * `@aide/feedback`: the `<aide-feedback>` and `<aide-experiences>` classes and the delivery queue, with no side effect
 * (`@aide/feedback/define` registers <aide-feedback> and starts sending opinions left waiting on the device;
 * `@aide/feedback/experiences` registers <aide-experiences>).
 */
export { AideFeedback } from './feedback/feedback.ts';
export { Delivery, delivery, type DeliveryOptions, type FeedbackPayload, type QueuedOpinion, type Outcome } from './delivery/delivery.ts';
export { AideExperiences } from './experiences/experiences.ts';
