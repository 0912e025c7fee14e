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
});
