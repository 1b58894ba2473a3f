/* Copies the one-time token of the parent's link into the consent form, then shows the form. */
(function () {
  var token = new URLSearchParams(window.location.search).get('token');
  var form = document.getElementById('parental-consent');
  if (!form || !token || !/^[0-9a-f]{64}$/.test(token)) return;
  form.elements.token.value = token;
  form.hidden = false;
  document.getElementById('parental-no-token').hidden = true;
})();
