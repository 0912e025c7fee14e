/** Loads lint's HTML parser at once (for the build, the preview, the import and the tests). */
import { fromHtml } from 'hast-util-from-html';
import { setHtmlParser } from './html.ts';

setHtmlParser((html) => fromHtml(html, { fragment: true }));
