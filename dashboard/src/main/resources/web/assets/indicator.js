/* Chỉ số: one indicator across agencies — best first, with the province value and the target as marks on the bars. */
'use strict';

OSM.start('nav.ranking', async (shell, main) => {
  const { el, t, api, link, value, help, param } = OSM;
  const match = location.pathname.match(/^\/indicator\/([^/]+)$/);
  const id = decodeURIComponent(match[1]);
  const query = new URLSearchParams({ period: OSM.periodId() });
  ['kind', 'group', 'within'].forEach((k) => { if (param(k)) query.set(k, param(k)); });
  const data = await api('/api/indicators/' + encodeURIComponent(id) + '?' + query);
  const i = data.indicator;
  document.title = i.name + ' · ' + t('app.title');

  main.appendChild(el('nav', { className: 'breadcrumb', attrs: { 'aria-label': t('case.breadcrumb') } },
    el('a', { href: link('/ranking', { sort: i.id }), text: t('nav.ranking') }), ' › ', el('span', { text: i.id })));
  main.appendChild(el('h1', {}, el('span', { className: 'ind-id', text: i.id + ' ' }), i.name, ' ', help(i),
    el('span', { className: 'h1-period', text: ' · ' + data.period.label })));

  const s = data.spread;
  const facts = el('dl', { className: 'facts facts-two' },
    el('dt', { text: t('indicator.category') }), el('dd', { text: i.categoryText }),
    i.formula ? [el('dt', { text: t('help.formula') }), el('dd', { text: i.formula })] : null,
    i.basis ? [el('dt', { text: t('help.basis') }), el('dd', { text: i.basis })] : null,
    i.directionText ? [el('dt', { text: t('indicator.direction') }), el('dd', { text: i.directionText })] : null,
    i.targetText ? [el('dt', { text: t('common.target') }), el('dd', { text: i.targetText })] : null,
    el('dt', { text: t('common.province') }), el('dd', {}, value(data.province.value, null, {})),
    el('dt', { text: t('indicator.spread') }),
    el('dd', { text: s.withData ? t('indicator.spread_text', s.withData, s.agencies, s.medianText, s.bestText, s.worstText)
      : t('indicator.spread_none', s.agencies) }),
    s.met !== null && s.withData ? [el('dt', { text: t('indicator.against_target') }),
      el('dd', {}, OSM.statusBadge('met', t('status.met') + ': ' + s.met, true), ' ',
        OSM.statusBadge('near', t('status.near') + ': ' + s.near, true), ' ',
        OSM.statusBadge('below', t('status.below') + ': ' + s.below, true))] : null);
  main.appendChild(el('section', { className: 'panel' }, facts));

  if (data.groups.length) {
    main.appendChild(el('section', { className: 'panel' }, el('h2', { text: t('overview.groups') }),
      el('div', { className: 'group-values' }, data.groups.map((g) => el('div', { className: 'group-value' },
        el('a', { href: link(location.pathname, { group: g.code }), text: g.name }), value(g.value, null, { small: true }))))));
  }

  // Bars on one scale: 0–100 % for rates, 0 to the largest value otherwise; the province and the target as marks.
  const headlines = data.rows.map((r) => r.value.headline).filter((v) => v !== null).map(Number);
  const marks = [data.province.value.headline, i.target].filter((v) => v !== null && v !== undefined).map(Number);
  const scale = i.unit === 'percent' ? Math.max(100, ...headlines) : Math.max(1, ...headlines, ...marks);
  const at = (v) => Math.max(0, Math.min(100, (Number(v) / scale) * 100)) + '%';
  const bar = (v) => {
    const track = el('span', { className: 'bar-track', attrs: { 'aria-hidden': 'true' } });
    if (v.headline !== null) {
      const fill = el('span', { className: 'bar-fill' + (v.status ? ' bar-' + v.status : '') });
      fill.style.width = at(v.headline);
      track.appendChild(fill);
    }
    [[data.province.value.headline, 'mark-province'], [i.target, 'mark-target']].forEach(([m, c]) => {
      if (m === null || m === undefined) return;
      const mark = el('span', { className: 'bar-mark ' + c });
      mark.style.left = at(m);
      track.appendChild(mark);
    });
    return track;
  };

  const table = el('table', { className: 'grid distribution' });
  table.appendChild(el('thead', {}, el('tr', {},
    el('th', { className: 'num', text: t('ranking.rank'), attrs: { scope: 'col' } }),
    el('th', { text: t('common.agency'), attrs: { scope: 'col' } }),
    el('th', { className: 'num', text: t('common.value'), attrs: { scope: 'col' } }),
    el('th', { className: 'col-bar', attrs: { scope: 'col' } }, t('indicator.bars') + ' ',
      el('span', { className: 'legend-mark mark-province' }), ' ' + t('common.province') + ' ',
      i.target !== null ? [el('span', { className: 'legend-mark mark-target' }), ' ' + t('common.target')] : null))));
  table.appendChild(el('tbody', {}, data.rows.map((r) => el('tr', {},
    el('td', { className: 'num', text: r.rank === null ? '–' : String(r.rank) }),
    el('th', { attrs: { scope: 'row' } },
      el('a', { href: link('/agency/' + encodeURIComponent(r.code)) + '#ind-' + encodeURIComponent(i.id), text: r.name }),
      el('span', { className: 'row-kind', text: r.kindText })),
    el('td', { className: 'num' }, value(r.value, i.rule ? link('/agency/' + encodeURIComponent(r.code), { rule: i.rule }) + '#cases' : null, { small: true })),
    el('td', { className: 'col-bar' }, bar(r.value))))));
  if (!data.rows.length) table.appendChild(el('tbody', {}, el('tr', {}, el('td', { attrs: { colspan: 4 }, className: 'muted', text: t('ranking.empty') }))));
  main.appendChild(el('section', { className: 'panel' }, el('h2', { text: t('indicator.distribution') }),
    el('p', { className: 'note', text: t(i.direction === 'lower' ? 'indicator.order_lower' : 'indicator.order_higher') }),
    el('div', { className: 'table-wrap' }, table)));
});
