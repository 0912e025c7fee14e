export { AideFeedback } from './feedback/feedback.ts';
export { Delivery, delivery, backoff, idempotencyKey, type FeedbackPayload, type QueuedOpinion, type Outcome } from './delivery/delivery.ts';
