/**
 * What tutorial HTML may contain, once and for everyone: the build sanitises what marked produces, the browser
 * sanitises again what it loads (the index URL is configuration, and configuration can be wrong).
 * Allow-list only: no script, style, iframe, object, embed, svg, form, event handler, style or ARIA attribute;
 * links to http(s), mailto, tel and relative addresses; images (src and every srcset candidate) relative or https.
 * The shapes the build makes for the widget are kept: responsive <picture> (<source type srcset sizes>) inside a
 * plain button, glossary words as buttons. Buttons are only ever type="button"; links to other sites always open
 * a new window without access to this one (target="_blank", rel="noopener noreferrer").
 */
import createDOMPurify, { type Config, type WindowLike } from 'dompurify';

const ALLOWED_TAGS = [
  'div', 'p', 'br', 'hr', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'code', 'pre', 'blockquote',
  'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'aside', 'span', 'abbr', 'kbd',
  'picture', 'source', 'button',
];
const ALLOWED_ATTR = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'class', 'data-term', 'data-kind', 'scope', 'lang', 'loading', 'start',
  'srcset', 'sizes', 'type', 'decoding',
];
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
  const foreignImage = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https:/i.test(url);
  // Images only from the tutorial's own folder or over https, every candidate of a srcset too.
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'src' && node.nodeName === 'IMG' && foreignImage(data.attrValue)) data.keepAttr = false;
    if (data.attrName === 'srcset' && data.attrValue.split(',').some((candidate) => foreignImage(candidate.trim()))) data.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'BUTTON') node.setAttribute('type', 'button');
    if (node.nodeName === 'A' && /^https?:/i.test(node.getAttribute('href') ?? '')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  const sanitize = ((html: string) => purify.sanitize(html, { ...PURIFY_CONFIG, RETURN_TRUSTED_TYPE: false })) as Sanitizer;
  sanitize.inPlace = (element) => {
    purify.sanitize(element, { ...PURIFY_CONFIG, IN_PLACE: true });
  };
  return sanitize;
}
