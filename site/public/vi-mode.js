/* Version for the visually impaired: applies the saved choice before the page paints and keeps
   the form in step with it. The form works without this script too (CSS :has), for one page. */
(function () {
  var root = document.documentElement, key = 'qabilet-vi', names = ['size', 'theme', 'images'], state = {};
  try { state = JSON.parse(localStorage.getItem(key) || '{}') || {}; } catch (e) { state = {}; }
  function apply() {
    names.forEach(function (n) {
      if (state[n] && state[n] !== 'default') root.setAttribute('data-vi-' + n, state[n]);
      else root.removeAttribute('data-vi-' + n);
    });
  }
  function save() {
    try { localStorage.setItem(key, JSON.stringify(state)); } catch (e) { /* private mode: this page only */ }
    apply();
  }
  apply();
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('vi-form');
    if (!form) return;
    names.forEach(function (n) {
      var input = form.querySelector('input[name="vi-' + n + '"][value="' + (state[n] || 'default') + '"]');
      if (input) input.checked = true;
    });
    form.addEventListener('change', function (event) {
      var input = event.target;
      if (input.name && input.name.indexOf('vi-') === 0) { state[input.name.slice(3)] = input.value; save(); }
    });
    form.addEventListener('reset', function () { state = {}; save(); });
  });
})();
