/* Xếp hạng: one row per agency, one column per indicator; sort, filter, search without diacritics, export. */
'use strict';

OSM.start('nav.ranking', async (shell, main) => {
  const { el, t, api, link, value, help, clear, param, fold } = OSM;
  const data = await api('/api/ranking?period=' + encodeURIComponent(OSM.periodId()));

  const byId = Object.fromEntries(data.indicators.map((i) => [i.id, i]));
  const state = {
    q: param('q') || '',
    kind: param('kind') || '',
    group: param('group') || '',
    sort: byId[param('sort')] ? param('sort') : 'rank',
    dir: byId[param('sort')] ? bestFirst(param('sort')) : 'asc',
    // The official report periods are what the 06a/06b table is reported on: show its columns there.
    columns: (byId[param('sort')] && byId[param('sort')].category === 'report06') || data.period.report ? 'report' : 'index'
  };

  /** The direction that puts the best first: descending unless lower is better (and for rank and name). */
  function bestFirst(key) {
    return key === 'rank' || key === 'name' || (byId[key] && byId[key].direction === 'lower') ? 'asc' : 'desc';
  }

  main.appendChild(el('h1', {}, t('ranking.heading'), el('span', { className: 'h1-period', text: ' · ' + data.period.label })));

  const search = el('input', { id: 'ranking-search', attrs: { type: 'search', value: state.q, placeholder: t('ranking.search_hint'), autocomplete: 'off' } });
  const select = (id, choices, current) => {
    const s = el('select', { id });
    s.appendChild(el('option', { text: t('common.all'), attrs: { value: '' } }));
    choices.forEach((c) => s.appendChild(el('option', { text: c.text, attrs: { value: c.code, selected: c.code === current } })));
    return s;
  };
  const kind = select('ranking-kind', data.kinds, state.kind);
  const group = select('ranking-group', data.groups, state.group);
  const columns = el('select', { id: 'ranking-columns' },
    ['index', 'report', 'all'].map((c) => el('option', { text: t('ranking.columns_' + c), attrs: { value: c, selected: c === state.columns } })));
  const csv = el('a', { className: 'button', text: t('export.csv') });
  const xlsx = el('a', { className: 'button', text: t('export.xlsx') });
  const report06 = el('a', { className: 'button', text: t('export.report06') });
  const count = el('span', { className: 'muted', attrs: { 'aria-live': 'polite' } });
  main.appendChild(el('div', { className: 'toolbar' },
    el('label', { attrs: { for: 'ranking-search' } }, t('ranking.search'), search),
    el('label', { attrs: { for: 'ranking-kind' } }, t('ranking.kind'), kind),
    el('label', { attrs: { for: 'ranking-group' } }, t('ranking.group'), group),
    el('label', { attrs: { for: 'ranking-columns' } }, t('ranking.columns'), columns),
    el('span', { className: 'toolbar-end' }, count, csv, xlsx, report06)));
  main.appendChild(el('p', { className: 'legend muted', text: t('ranking.sort_hint') + ' · ' + t('status.legend') }));

  const wrap = el('div', { className: 'table-wrap table-wrap-tall' });
  main.appendChild(wrap);

  function shownIndicators() {
    return data.indicators.filter((i) => (state.columns === 'all')
      || (state.columns === 'report' ? i.category === 'report06' : i.category !== 'report06'));
  }

  function sortKey(row) {
    if (state.sort === 'rank') return row.rank;
    if (state.sort === 'name') return row.nameOrder;
    const v = row.values[state.sort];
    return v && v.headline !== null ? Number(v.headline) : null;
  }

  function visibleRows() {
    const q = fold(state.q);
    const rows = data.rows.filter((r) => (!state.kind || r.kind === state.kind) && (!state.group || r.group === state.group)
      && (!q || r.searchKey.includes(q) || r.code.toLowerCase().includes(q)));
    const sign = state.dir === 'asc' ? 1 : -1;
    return rows.sort((a, b) => {
      const x = sortKey(a);
      const y = sortKey(b);
      if (x === null || x === undefined) return (y === null || y === undefined) ? a.nameOrder - b.nameOrder : 1;
      if (y === null || y === undefined) return -1;
      return (x - y) * sign || a.nameOrder - b.nameOrder;
    });
  }

  function sortButton(key, label) {
    const active = state.sort === key;
    const b = el('button', { className: 'sort' + (active ? ' sorted-' + state.dir : ''), attrs: { type: 'button' } }, label,
      el('span', { className: 'sort-mark', text: active ? (state.dir === 'asc' ? ' ▲' : ' ▼') : '', attrs: { 'aria-hidden': 'true' } }));
    b.addEventListener('click', () => {
      if (state.sort === key) state.dir = state.dir === 'asc' ? 'desc' : 'asc';
      else { state.sort = key; state.dir = bestFirst(key); }
      render();
    });
    return b;
  }

  function ariaSort(key) {
    return state.sort === key ? (state.dir === 'asc' ? 'ascending' : 'descending') : null;
  }

  function cell(row, indicator) {
    const v = row.values[indicator.id];
    const href = row.kind === 'province' || row.kind === 'group'
      ? link('/ranking', { group: row.kind === 'group' ? row.code : null, sort: indicator.id })
      : link('/agency/' + encodeURIComponent(row.code)) + '#ind-' + encodeURIComponent(indicator.id);
    return el('td', { className: 'num' }, value(v, href, { small: true }));
  }

  function render() {
    const indicators = shownIndicators();
    const rows = visibleRows();
    count.textContent = t('ranking.count', rows.length);
    const params = { kind: state.kind, group: state.group };
    csv.setAttribute('href', link('/export/indicators.csv', params));
    xlsx.setAttribute('href', link('/export/indicators.xlsx', params));
    report06.setAttribute('href', link('/export/report06.xlsx', params));
    const url = new URL(location.href);
    ['q', 'kind', 'group'].forEach((k) => (state[k] ? url.searchParams.set(k, state[k]) : url.searchParams.delete(k)));
    url.searchParams.set('sort', state.sort);
    history.replaceState(null, '', url.pathname + url.search);

    const table = el('table', { className: 'grid ranking' });
    table.appendChild(el('thead', {}, el('tr', {},
      el('th', { className: 'col-rank', attrs: { scope: 'col', 'aria-sort': ariaSort('rank') } }, sortButton('rank', t('ranking.rank'))),
      el('th', { className: 'col-name', attrs: { scope: 'col', 'aria-sort': ariaSort('name') } }, sortButton('name', t('common.agency'))),
      indicators.map((i) => el('th', { className: 'col-ind', attrs: { scope: 'col', 'aria-sort': ariaSort(i.id) } },
        el('span', { className: 'col-head' }, sortButton(i.id, el('span', { className: 'col-id', text: i.id })),
          OSM.indicatorLink(i, 'col-name-text')),
        help(i))))));
    const totals = el('tbody', { className: 'totals' });
    data.totals.forEach((r) => totals.appendChild(el('tr', { className: 'total-row' }, el('td', { text: '' }),
      el('th', { attrs: { scope: 'row' }, text: r.name }), indicators.map((i) => cell(r, i)))));
    table.appendChild(totals);
    const body = el('tbody');
    rows.forEach((r) => body.appendChild(el('tr', {},
      el('td', { className: 'num', text: r.rank === null ? '–' : String(r.rank) }),
      el('th', { attrs: { scope: 'row' } },
        el('a', { href: link('/agency/' + encodeURIComponent(r.code)), text: r.name }),
        el('span', { className: 'row-kind', text: r.kindText })),
      indicators.map((i) => cell(r, i)))));
    if (!rows.length) body.appendChild(el('tr', {}, el('td', { attrs: { colspan: indicators.length + 2 }, className: 'muted', text: t('ranking.empty') })));
    table.appendChild(body);
    clear(wrap).appendChild(table);
  }

  search.addEventListener('input', () => { state.q = search.value; render(); });
  kind.addEventListener('change', () => { state.kind = kind.value; render(); });
  group.addEventListener('change', () => { state.group = group.value; render(); });
  columns.addEventListener('change', () => { state.columns = columns.value; render(); });
  render();
});
