/* Lần xử lý: the runs, the stages and progress of the one in progress (refreshed while a run is queued or running),
 * and the cancel button for administrators. */
'use strict';

OSM.start('nav.runs', async (shell, main) => {
  const { el, t, api, clear } = OSM;
  const POLL_MS = 3000;
  main.appendChild(el('h1', { text: t('runs.heading') }));
  const notice = el('p', { className: 'notice', attrs: { role: 'status', 'aria-live': 'polite' } });
  const active = el('section', { className: 'panel runs-active', attrs: { 'aria-live': 'polite' } });
  const history = el('section', { className: 'panel' });
  main.append(notice, active, history);
  let timer = null;

  async function cancel(run) {
    if (!window.confirm(t('runs.cancel_confirm', run.runId))) return;
    const res = await fetch('/api/runs/' + encodeURIComponent(run.runId) + '/cancel', {
      method: 'POST', credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-CSRF-Token': shell.csrf }
    });
    let body = {};
    try { body = await res.json(); } catch (e) { /* not JSON */ }
    notice.textContent = res.ok ? body.message : (body.title || t('error.generic'));
    notice.className = res.ok ? 'notice' : 'notice error';
    await show();
  }

  function stageTable(run) {
    const grid = el('table', { className: 'grid' });
    grid.appendChild(el('thead', {}, el('tr', {}, ['runs.stage', 'runs.step', 'runs.progress', 'runs.started', 'runs.finished']
      .map((k) => el('th', { attrs: { scope: 'col' }, text: t(k) })))));
    grid.appendChild(el('tbody', {}, run.stages.map((s) => el('tr', {},
      el('td', { text: s.stageText }),
      el('td', { text: s.step || '' }),
      el('td', { className: 'nowrap' },
        s.percent !== null && s.percent !== undefined
          ? el('progress', { attrs: { max: 100, value: s.percent, 'aria-label': s.stageText } }) : null,
        ' ', s.progressText),
      el('td', { className: 'nowrap', text: s.startedAt }),
      el('td', { className: 'nowrap', text: s.finished ? s.finishedAt : '…' })))));
    return el('div', { className: 'table-wrap' }, grid);
  }

  function activeRun(run) {
    const button = run.canCancel && !run.cancelRequested
      ? el('button', { className: 'button', text: t('runs.cancel'), attrs: { type: 'button' } }) : null;
    if (button) button.addEventListener('click', () => cancel(run));
    return el('div', { className: 'run-active' },
      el('h3', {}, el('span', { className: 'mono', text: run.runId }), ' ',
        el('span', { className: 'badge run-' + run.status, text: run.statusText }),
        run.cancelRequested ? el('span', { className: 'badge run-cancelled badge-small', text: t('runs.cancel_pending') }) : null,
        ' ', run.stageText ? t('runs.stage') + ': ' + run.stageText : ''),
      el('p', { className: 'muted', text: run.triggerText + ' · ' + t('runs.started') + ' ' + run.startedAt
        + (run.owner ? ' · ' + t('runs.owner') + ': ' + run.owner : '')
        + (run.heartbeatAt ? ' · ' + t('runs.heartbeat') + ': ' + run.heartbeatAt : '') }),
      run.stages.length ? stageTable(run) : null,
      button);
  }

  function historyTable(runs) {
    const grid = el('table', { className: 'grid runs' });
    grid.appendChild(el('thead', {}, el('tr', {}, ['runs.run_id', 'runs.status', 'runs.trigger', 'runs.stage',
      'runs.started', 'runs.finished', 'runs.message'].map((k) => el('th', { attrs: { scope: 'col' }, text: t(k) })))));
    grid.appendChild(el('tbody', {}, runs.map((r) => el('tr', {},
      el('td', {}, el('a', { href: '/data?run=' + encodeURIComponent(r.runId), text: r.runId, className: 'mono' }),
        r.published ? el('span', { className: 'badge status-met badge-small', text: t('runs.published') }) : null),
      el('td', {}, el('span', { className: 'badge run-' + r.status, text: r.statusText })),
      el('td', { text: r.triggerText }),
      el('td', { text: r.stageText || '' }),
      el('td', { className: 'nowrap', text: r.startedAt }),
      el('td', { className: 'nowrap', text: r.finishedAt }),
      el('td', { className: 'message', text: (r.message || '') + (r.prunedAt ? ' ' + t('runs.pruned', r.prunedAt) : '') })))));
    return el('div', { className: 'table-wrap' }, grid);
  }

  async function show() {
    if (timer) clearTimeout(timer);
    const data = await api('/api/runs');
    const running = data.runs.filter((r) => r.active);
    clear(active).appendChild(el('h2', { text: t('runs.active') }));
    if (running.length) running.forEach((r) => active.appendChild(activeRun(r)));
    else active.appendChild(el('p', { className: 'muted', text: t('runs.none_active') }));
    if (data.anyActive) active.appendChild(el('p', { className: 'muted small', text: t('runs.refreshing') }));
    clear(history).append(el('h2', { text: t('runs.all') }), historyTable(data.runs));
    if (data.anyActive) timer = setTimeout(() => show().catch((err) => clear(main).appendChild(OSM.errorBox(err))), POLL_MS);
  }
  await show();
});
