/* Kiểm tra: the risk list of the period (score, rank among peers, outliers, reasons in words, weights), agencies not
   scored with why, and each rule's confirmation rate from inspectors' outcomes. Reasons to look, never findings. */
'use strict';

OSM.start('nav.inspection', async (shell, main) => {
  const { el, t, api, link, clear } = OSM;
  const data = await api('/api/inspection/risk?period=' + encodeURIComponent(OSM.periodId()));
  main.appendChild(el('div', { className: 'title-row' },
    el('h1', {}, t('inspection.heading'), el('span', { className: 'h1-period', text: ' · ' + data.period.label })),
    el('span', { className: 'title-actions' },
      el('a', { className: 'button', href: link('/inspection/draw'), text: t('inspection.to_draw') }),
      el('a', { className: 'button', href: link('/inspection/plan'), text: t('inspection.to_plan') }))));
  main.appendChild(el('p', { className: 'muted', text: t('risk.note') }));

  const weights = el('section', { className: 'panel', id: 'risk-weights' }, el('h2', { text: t('risk.weights') }));
  if (data.weights.length) {
    weights.appendChild(el('ul', { className: 'weights' }, data.weights.map((w) =>
      el('li', {}, el('span', { text: w.name }), ' — ', el('strong', { text: t('risk.weight') + ' ' + w.weightText })))));
  } else {
    weights.appendChild(el('p', { className: 'muted', text: t('risk.no_weights') }));
  }
  main.appendChild(weights);

  const list = el('section', { className: 'panel' }, el('h2', { text: t('risk.list') }));
  main.appendChild(list);
  if (!data.hasScores) {
    list.appendChild(el('p', { className: 'muted', text: t('risk.none') }));
  } else {
    const groups = [...new Set(data.rows.map((r) => r.groupText))];
    const filter = el('select', { id: 'risk-group' },
      el('option', { text: t('common.all'), attrs: { value: '' } }),
      groups.map((g) => el('option', { text: g, attrs: { value: g } })));
    list.appendChild(el('div', { className: 'toolbar' }, el('label', { attrs: { for: 'risk-group' } }, t('ranking.group'), filter)));
    const body = el('tbody');
    const grid = el('table', { className: 'grid risk' },
      el('thead', {}, el('tr', {}, ['common.agency', 'ranking.group', 'risk.score', 'risk.rank', 'risk.outliers',
        'risk.dossiers', 'risk.reasons', 'risk.open'].map((k) => el('th', { attrs: { scope: 'col' }, text: t(k) })))),
      body);
    const render = () => {
      clear(body);
      data.rows.filter((r) => !filter.value || r.groupText === filter.value).forEach((r) => body.appendChild(
        el('tr', { className: r.scored ? '' : 'muted' },
          el('th', { attrs: { scope: 'row' } }, el('a', { href: link('/agency/' + encodeURIComponent(r.code)), text: r.name }),
            r.feedbackTriggered ? el('span', { className: 'badge badge-small status-near', text: t('risk.feedback') }) : null),
          el('td', { text: r.groupText }),
          el('td', { className: 'num', text: r.scoreText }),
          el('td', { className: 'num', text: r.rankText }),
          el('td', { className: 'num', text: r.scored ? String(r.outliers) : '' }),
          el('td', { className: 'num', text: r.dossiersText }),
          el('td', { className: 'message', text: r.reasons || '' }),
          el('td', {}, el('a', { href: link('/inspection/agency/' + encodeURIComponent(r.code)), text: t('risk.open_inspection') })))));
    };
    filter.addEventListener('change', render);
    render();
    list.appendChild(el('div', { className: 'table-wrap' }, grid));
  }

  const rates = await api('/api/inspection/rates');
  const ratePanel = el('section', { className: 'panel', id: 'rates' }, el('h2', { text: t('rates.heading') }),
    el('p', { className: 'muted', text: t('rates.note') }));
  if (!rates.length) {
    ratePanel.appendChild(el('p', { className: 'muted', text: t('rates.none') }));
  } else {
    ratePanel.appendChild(el('div', { className: 'table-wrap' }, el('table', { className: 'grid' },
      el('thead', {}, el('tr', {}, ['rates.rule', 'outcome.confirmed', 'outcome.not_violation', 'outcome.unclear', 'rates.rate']
        .map((k) => el('th', { attrs: { scope: 'col' }, text: t(k) })))),
      el('tbody', {}, rates.map((r) => el('tr', {},
        el('th', { attrs: { scope: 'row' }, text: r.name }),
        el('td', { className: 'num', text: String(r.confirmed) }),
        el('td', { className: 'num', text: String(r.notViolation) }),
        el('td', { className: 'num', text: String(r.unclear) }),
        el('td', { className: 'num', text: r.rateText })))))));
  }
  main.appendChild(ratePanel);
});
