/**
 * The rules a story must meet, as the contract's POST /api/v1/stories states them, checked on the device before
 * sending; and the collector's 400 answer (`{ error, message, fields: [{ field: '/text', message }] }`) turned into
 * the same per-field errors, so that the person sees what to fix next to the field, whoever found it.
 */
import type { StoryPayload } from '../delivery/delivery.ts';
import type { StoryStrings } from './strings.ts';

export const STORY_MAX = 2000;
export const FEELINGS = ['positive', 'negative', 'mixed'] as const;
export const CHANNELS = ['online', 'phone', 'desk', 'with-help'] as const;
type Feeling = StoryPayload['feeling'];
type Channel = StoryPayload['channel'];
export type StoryField = 'text' | 'feeling' | 'channel' | 'consent';
/** The fields in the order of the form: focus goes to the first one in error. */
export const STORY_FIELDS: readonly StoryField[] = ['text', 'feeling', 'channel', 'consent'];

/** An error under a field: our words, and the collector's own (in French) when it found it. */
export interface FieldError {
  message: string;
  server?: string;
}
export type StoryErrors = Partial<Record<StoryField, FieldError>>;

export interface StoryDraft {
  text: string;
  feeling: Feeling | null;
  channel: Channel | null;
  consent: boolean;
}

/** Characters as the collector counts them (code points: an emoji is one). */
export const characters = (text: string) => [...text].length;

export function checkDraft(draft: StoryDraft, t: StoryStrings): StoryErrors {
  const errors: StoryErrors = {};
  const length = characters(draft.text.trim());
  if (length === 0) errors.text = { message: t.textEmpty };
  else if (length > STORY_MAX) errors.text = { message: t.textTooLong(length - STORY_MAX) };
  if (!draft.feeling) errors.feeling = { message: t.feelingMissing };
  if (!draft.channel) errors.channel = { message: t.channelMissing };
  if (!draft.consent) errors.consent = { message: t.consentMissing };
  return errors;
}

/**
 * The collector's refusal, by field. What names no field of the form (the procedure, the language…) is not the
 * person's to fix: it comes back as `general`, said above the form.
 */
export function serverErrors(answer: unknown, t: StoryStrings): { fields: StoryErrors; general: string[] } {
  const fields: StoryErrors = {};
  const general: string[] = [];
  const body = (answer && typeof answer === 'object' ? answer : {}) as { message?: unknown; fields?: unknown };
  const list = Array.isArray(body.fields) ? (body.fields as unknown[]) : [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const { field, message } = item as { field?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message.slice(0, 300) : '';
    const name = typeof field === 'string' ? field.replace(/^\//, '').split('/')[0] : '';
    if ((STORY_FIELDS as readonly string[]).includes(name!)) {
      fields[name as StoryField] ??= { message: t.serverField, server: text };
    } else if (text) {
      general.push(name ? `${name} : ${text}` : text);
    }
  }
  if (list.length === 0 && typeof body.message === 'string') general.push(body.message.slice(0, 300));
  return { fields, general };
}
