/* Đăng nhập: fills the form's anti-forgery token and the page to return to; shows why a login failed. */
'use strict';

document.addEventListener('DOMContentLoaded', async () => {
  const { t, el, param } = OSM;
  const form = document.getElementById('login-form');
  const message = document.getElementById('login-message');
  try {
    const dict = await OSM.loadLabels();
    OSM.translateStatic();
    document.title = t('login.title') + ' · ' + t('app.title');
    const other = dict.language === 'vi' ? 'en' : 'vi';
    const lang = document.getElementById('login-lang');
    lang.setAttribute('href', '/login?lang=' + other + (param('next') ? '&next=' + encodeURIComponent(param('next')) : ''));
    lang.setAttribute('lang', other);
    const token = await OSM.api('/api/login-token');
    form.elements.csrf.value = token.csrf;
  } catch (err) {
    message.appendChild(el('p', { className: 'error', text: 'Không tải được trang đăng nhập / The login page failed to load.' }));
    return;
  }
  form.elements.next.value = param('next') || '/';
  const error = param('error');
  if (error === 'invalid' || error === 'locked' || error === 'expired') {
    message.appendChild(el('p', { className: 'error', attrs: { role: 'alert' }, text: t('login.error.' + error) }));
  } else if (param('bye')) {
    message.appendChild(el('p', { className: 'info', text: t('login.bye') }));
  }
  form.elements.username.focus();
});
