/* Dữ liệu: runs, the input balance of a run, the quarantined rows with their reasons. */
'use strict';

OSM.start('nav.data', async (shell, main) => {
  const { el, t, api, clear, param } = OSM;
  const asked = param('run');
  const data = await api('/api/data' + (asked ? '?run=' + encodeURIComponent(asked) : ''));
  const run = data.selectedRun;

  const NUMERIC = ['data.read', 'data.accepted', 'data.quarantined', 'data.superseded', 'data.rows'];
  const th = (key) => el('th', { className: NUMERIC.includes(key) ? 'num' : '', attrs: { scope: 'col' }, text: t(key) });
  main.appendChild(el('h1', { text: t('data.heading') }));

  const runs = el('table', { className: 'grid runs' });
  runs.appendChild(el('thead', {}, el('tr', {}, ['data.run_id', 'data.status', 'data.trigger', 'data.started', 'data.finished',
    'data.period', 'data.profile', 'data.formula', 'data.message'].map(th))));
  runs.appendChild(el('tbody', {}, data.runs.map((r) => el('tr', { className: r.runId === run ? 'selected' : '' },
    el('td', {}, el('a', { href: '/data?run=' + encodeURIComponent(r.runId), text: r.runId, className: 'mono' }),
      r.published ? el('span', { className: 'badge status-met badge-small', text: t('data.published') }) : null),
    el('td', {}, el('span', { className: 'badge run-' + r.status, text: r.statusText })),
    el('td', { text: r.triggerText }),
    el('td', { className: 'nowrap', text: r.startedAt }),
    el('td', { className: 'nowrap', text: r.finishedAt }),
    el('td', { className: 'nowrap', text: r.period || '' }),
    el('td', { text: r.profile || '' }),
    el('td', { text: r.formulaVersion || '' }),
    el('td', { className: 'message', text: r.message || '' })))));
  main.appendChild(el('section', { className: 'panel' }, el('h2', { text: t('data.runs') }), el('div', { className: 'table-wrap' }, runs)));

  const inputs = el('table', { className: 'grid' });
  inputs.appendChild(el('thead', {}, el('tr', {}, ['data.source', 'data.record_type', 'data.read', 'data.accepted',
    'data.quarantined', 'data.superseded', 'data.balance'].map(th))));
  const inputRow = (r, total) => el('tr', { className: total ? 'total-row' : '' },
    el(total ? 'th' : 'td', { text: r.source }), el('td', { text: r.recordType }),
    el('td', { className: 'num', text: r.readText }), el('td', { className: 'num', text: r.acceptedText }),
    el('td', { className: 'num', text: r.quarantinedText }), el('td', { className: 'num', text: r.supersededText }),
    el('td', {}, OSM.statusBadge(r.balanced ? 'met' : 'below', r.balanceText, true)));
  inputs.appendChild(el('tbody', {}, data.inputs.map((r) => inputRow(r, false)), data.inputs.length ? inputRow(data.total, true) : null));
  main.appendChild(el('section', { className: 'panel' }, el('h2', { text: t('data.inputs') + (run ? ' · ' + run : '') }),
    data.inputs.length ? el('div', { className: 'table-wrap' }, inputs) : el('p', { className: 'muted', text: t('data.none') })));

  const reasons = el('table', { className: 'grid' });
  reasons.appendChild(el('thead', {}, el('tr', {}, ['data.record_type', 'data.reason', 'data.rows'].map(th))));
  reasons.appendChild(el('tbody', {}, data.reasons.map((r) => el('tr', {},
    el('td', { text: r.recordType }), el('td', { className: 'mono', text: r.reason }), el('td', { className: 'num', text: r.rowsText })))));
  const quarantine = el('div');
  main.appendChild(el('section', { className: 'panel' }, el('h2', { text: t('data.quarantine') }),
    data.reasons.length ? [el('h3', { text: t('data.reasons') }), el('div', { className: 'table-wrap' }, reasons), quarantine]
      : el('p', { className: 'muted', text: t('data.none') })));

  async function showQuarantine(page) {
    const q = await api('/api/data/quarantine?run=' + encodeURIComponent(run) + '&page=' + page);
    clear(quarantine);
    const cols = ['data.record_type', 'data.location', 'data.reason', 'data.detail'].concat(q.rawShown ? ['data.raw'] : []);
    const grid = el('table', { className: 'grid' });
    grid.appendChild(el('thead', {}, el('tr', {}, cols.map(th))));
    grid.appendChild(el('tbody', {}, q.rows.map((r) => el('tr', {},
      el('td', { text: r.recordType }), el('td', { className: 'mono', text: r.location }),
      el('td', { className: 'mono', text: r.reason }), el('td', { text: r.detail || '' }),
      q.rawShown ? el('td', { className: 'mono raw', text: r.rawValue || '' }) : null))));
    quarantine.appendChild(el('h3', { text: t('data.quarantine') + ' (' + q.total + ' ' + t('common.rows') + ')' }));
    if (!q.rawShown) quarantine.appendChild(el('p', { className: 'muted', text: t('data.raw_hidden') }));
    quarantine.appendChild(el('div', { className: 'table-wrap' }, grid));
    quarantine.appendChild(OSM.pager(q.page, q.pages, showQuarantine));
  }
  if (run && data.reasons.length) await showQuarantine(1);
});
