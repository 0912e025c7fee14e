/**
 * What tutorial HTML may contain, once and for everyone: the build sanitises what marked produces, the browser
 * sanitises again what it loads (the index URL is configuration, and configuration can be wrong).
 * Allow-list only: no script, style, iframe, object, embed, svg, form, event handler or style attribute; links
 * to http(s), mailto, tel and relative addresses; images relative or https.
 */
import createDOMPurify, { type Config, type WindowLike } from 'dompurify';

const ALLOWED_TAGS = [
  'div', 'p', 'br', 'hr', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'code', 'pre', 'blockquote',
  'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'aside', 'span', 'abbr', 'kbd',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'width', 'height', 'class', 'data-term', 'data-kind', 'scope', 'lang', 'loading', 'start'];
/** http(s), mailto, tel, or a relative address (no other scheme: javascript:, data:, vbscript:…). */
const ALLOWED_URI = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z0-9+.-]+(?:[^a-z0-9+.:-]|$))/i;

const PURIFY_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

export type Sanitizer = ((html: string) => string) & {
  /** Sanitises an element's content where it is: no re-parsing (much faster in jsdom). */
  inPlace(element: Element): void;
};

/** A sanitiser bound to a window: the page's in the browser, a jsdom window in the build. */
export function createSanitizer(window: WindowLike): Sanitizer {
  const purify = createDOMPurify(window);
  // Images only from the tutorial's own folder or over https.
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'src' && node.nodeName === 'IMG' && /^[a-z][a-z0-9+.-]*:/i.test(data.attrValue) && !/^https:/i.test(data.attrValue)) {
      data.keepAttr = false;
    }
  });
  const sanitize = ((html: string) => purify.sanitize(html, { ...PURIFY_CONFIG, RETURN_TRUSTED_TYPE: false })) as Sanitizer;
  sanitize.inPlace = (element) => {
    purify.sanitize(element, { ...PURIFY_CONFIG, IN_PLACE: true });
  };
  return sanitize;
}
