import { expect } from '@open-wc/testing';
import { sanitizeHtml } from './sanitize.ts';

describe('tutorial HTML sanitiser (browser)', () => {
  it('removes scripts, event handlers, iframes, SVG, forms and styles', () => {
    const dirty =
      '<p onclick="alert(1)">Bonjour<script>alert(2)</script></p><img src="x.png" alt="x" onerror="alert(3)">' +
      '<iframe src="https://evil.example"></iframe><svg><script>alert(4)</script></svg><form><input></form>' +
      '<p style="color:red">rouge</p><style>p{}</style>';
    const clean = sanitizeHtml(dirty);
    expect(clean).to.not.match(/script|onclick|onerror|iframe|svg|form|input|style/i);
    expect(clean).to.contain('Bonjour');
    expect(clean).to.contain('<img src="x.png" alt="x">');
  });

  it('keeps only http(s), mailto, tel and relative links; images only relative or https', () => {
    const clean = sanitizeHtml(
      '<a href="javascript:alert(1)">a</a><a href="data:text/html,x">b</a><a href="https://www.impots.gouv.fr">c</a>' +
        '<a href="tel:+33170772372">d</a><a href="#etape-2">e</a><img src="http://insecure.example/i.png" alt="i">' +
        '<img src="data:image/png;base64,AAAA" alt="d"><img src="images/ok.svg" alt="ok">',
    );
    expect(clean).to.not.contain('javascript:');
    expect(clean).to.not.contain('data:');
    expect(clean).to.not.contain('http://insecure');
    expect(clean).to.contain('href="https://www.impots.gouv.fr"');
    expect(clean).to.contain('href="tel:+33170772372"');
    expect(clean).to.contain('href="#etape-2"');
    expect(clean).to.contain('src="images/ok.svg"');
  });

  it('keeps the structure the walkthrough needs: callouts and glossary terms', () => {
    const clean = sanitizeHtml('<aside class="callout" data-kind="astuce"><p>Astuce</p></aside><span class="term" data-term="numero-fiscal">numéro fiscal</span>');
    expect(clean).to.contain('<aside class="callout" data-kind="astuce">');
    expect(clean).to.contain('data-term="numero-fiscal"');
  });

  it('keeps the responsive pictures and buttons the build makes; buttons stay plain, other sites open apart', () => {
    const clean = sanitizeHtml(
      '<button type="submit" class="enlarge" onclick="alert(1)"><picture><source type="image/avif" srcset="images/a-480.avif 480w, images/a-960.avif 960w" sizes="30rem">' +
        '<img src="images/a-960.png" srcset="images/a-480.png 480w" sizes="30rem" width="1280" height="800" alt="a" loading="lazy" decoding="async"></picture></button>' +
        '<img src="images/b.png" srcset="images/b-480.png 480w, http://insecure.example/b.png 960w" alt="b">' +
        '<a href="https://www.caf.fr" target="_top">caf</a><a href="#etape-2" target="_blank">e</a>',
    );
    expect(clean).to.contain('<button type="button" class="enlarge"><picture><source type="image/avif" srcset="images/a-480.avif 480w, images/a-960.avif 960w" sizes="30rem">');
    expect(clean).to.contain('srcset="images/a-480.png 480w" sizes="30rem" width="1280" height="800" alt="a" loading="lazy" decoding="async"');
    expect(clean).to.not.contain('onclick');
    // One insecure candidate and the whole srcset goes; the src stays.
    expect(clean).to.contain('<img src="images/b.png" alt="b">');
    expect(clean).to.contain('<a href="https://www.caf.fr" target="_blank" rel="noopener noreferrer">caf</a>');
    expect(clean).to.contain('<a href="#etape-2">e</a>');
  });
});
