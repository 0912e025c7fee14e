// Demo only: lets the page's language links (?locale=en, ?locale=ar) configure the widget through
// window.AideConfig, set before aide.js like an administration would. A separate file, so it also runs
// under the strict Content-Security-Policy of csp.html.
(function () {
  var locale = new URLSearchParams(location.search).get('locale');
  if (locale) window.AideConfig = { locale: locale };
})();
