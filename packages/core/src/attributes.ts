/**
 * The widget's one convention for Boolean attributes, on the script tag, on <aide-help> and on every element, as
 * in HTML: present (any value, `""` included) = on; absent = off; "false" = off too, so that an attribute written
 * `="false"` never turns an option on. An option on by default is written as its negation (`no-persist`).
 */
export function booleanAttribute(value: string | null): boolean {
  return value !== null && value.trim().toLowerCase() !== 'false';
}
