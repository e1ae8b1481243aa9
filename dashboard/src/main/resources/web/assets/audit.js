/* Nhật ký (administrators): sign-ins, exports and views of personal data, newest first, narrowed by action or user. */
'use strict';

OSM.start('nav.audit', async (shell, main) => {
  const { el, t, api, clear, param } = OSM;
  main.appendChild(el('h1', { text: t('audit.heading') }));
  const action = el('select', { id: 'audit-action' });
  const user = el('input', { id: 'audit-user', attrs: { type: 'search', value: param('user') || '', autocomplete: 'off' } });
  const list = el('div', { attrs: { 'aria-live': 'polite' } });
  main.appendChild(el('div', { className: 'toolbar' },
    el('label', { attrs: { for: 'audit-action' } }, t('audit.action'), action),
    el('label', { attrs: { for: 'audit-user' } }, t('audit.user'), user)));
  main.appendChild(el('section', { className: 'panel' }, list));

  async function show(page) {
    const q = new URLSearchParams({ page });
    const chosen = action.options.length ? action.value : (param('action') || '');
    if (chosen) q.set('action', chosen);
    if (user.value.trim()) q.set('user', user.value.trim());
    const data = await api('/api/audit?' + q);
    if (!action.options.length) {
      action.appendChild(el('option', { text: t('common.all'), attrs: { value: '' } }));
      data.actions.forEach((a) => action.appendChild(el('option', { text: a.text, attrs: { value: a.code, selected: a.code === param('action') } })));
    }
    clear(list);
    list.appendChild(el('p', { className: 'muted', text: t('audit.total', data.total) }));
    const grid = el('table', { className: 'grid audit' });
    grid.appendChild(el('thead', {}, el('tr', {}, ['audit.at', 'audit.user', 'audit.action', 'audit.detail']
      .map((k) => el('th', { attrs: { scope: 'col' }, text: t(k) })))));
    grid.appendChild(el('tbody', {}, data.rows.map((r) => el('tr', { className: r.action === 'login_failed' ? 'warn' : '' },
      el('td', { className: 'nowrap', text: r.atText }),
      el('td', { className: 'mono', text: r.username || '' }),
      el('td', { text: r.actionText }),
      el('td', { className: 'message', text: r.detail || '' })))));
    list.appendChild(el('div', { className: 'table-wrap' }, grid));
    list.appendChild(OSM.pager(data.page, data.pages, show));
  }
  action.addEventListener('change', () => show(1));
  user.addEventListener('change', () => show(1));
  await show(1);
});
