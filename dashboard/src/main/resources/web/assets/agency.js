/* Đơn vị: the agency picker, or one agency: indicators vs targets, province and peers, trend, 06a row, flagged dossiers. */
'use strict';

OSM.start('nav.agency', async (shell, main) => {
  const { el, t, api, link, value, help, clear, param } = OSM;
  const match = location.pathname.match(/^\/agency\/([^/]+)$/);
  if (!match) {
    await picker(main);
    return;
  }
  const code = decodeURIComponent(match[1]);
  const period = encodeURIComponent(OSM.periodId());
  const data = await api('/api/agencies/' + encodeURIComponent(code) + '?period=' + period);
  const a = data.agency;
  document.title = a.name + ' · ' + t('app.title');

  const facts = el('dl', { className: 'facts' },
    el('dt', { text: t('agency.code') }), el('dd', { className: 'mono', text: a.code }),
    el('dt', { text: t('agency.kind') }), el('dd', { text: a.kindText }),
    el('dt', { text: t('agency.group') }), el('dd', { text: a.groupText }),
    a.parent ? [el('dt', { text: t('agency.parent') }), el('dd', {}, a.parent.name
      ? el('a', { href: link('/agency/' + encodeURIComponent(a.parent.code)), text: a.parent.name }) : a.parent.code)] : null,
    a.validFrom || a.validTo ? [el('dt', { text: t('agency.valid') }), el('dd', { text: (a.validFrom || '…') + ' – ' + (a.validTo || '…') })] : null,
    a.successor ? [el('dt', { text: t('agency.successor') }), el('dd', {}, a.successor.name
      ? el('a', { href: link('/agency/' + encodeURIComponent(a.successor.code)), text: a.successor.name }) : a.successor.code)] : null);
  const print = el('button', { className: 'button no-print', text: t('agency.print'), attrs: { type: 'button' } });
  print.addEventListener('click', () => window.print());
  const within = { within: a.code };
  main.appendChild(el('div', { className: 'title-row' },
    el('h1', {}, a.name, el('span', { className: 'h1-period', text: ' · ' + data.period.label })),
    el('span', { className: 'title-actions no-print' },
      el('a', { className: 'button', href: link('/export/indicators.xlsx', within), text: t('export.xlsx') }),
      el('a', { className: 'button', href: link('/export/report06.xlsx', within), text: t('export.report06') }),
      el('a', { className: 'button', href: link('/export/inspection/self-inspection/' + encodeURIComponent(a.code) + '.xlsx'), text: t('inspect.self') }),
      shell.role === 'agency' ? null : el('a', { className: 'button', href: link('/inspection/agency/' + encodeURIComponent(a.code)), text: t('nav.inspection') }),
      print)));
  main.appendChild(facts);
  if (data.children.length) {
    main.appendChild(el('nav', { className: 'children', attrs: { 'aria-label': t('agency.children') } },
      el('span', { text: t('agency.children') + ': ' }),
      data.children.map((c) => el('a', { href: link('/agency/' + encodeURIComponent(c.code)), text: c.name }))));
  }

  // Indicators against target, province and (province-wide users only) peers, grouped by category.
  const peers = data.comparesWithPeers;
  const columns = peers ? 5 : 4;
  const table = el('table', { className: 'grid indicators' });
  table.appendChild(el('thead', {}, el('tr', {},
    el('th', { text: t('common.indicator'), attrs: { scope: 'col' } }),
    el('th', { text: t('common.value'), attrs: { scope: 'col' } }),
    el('th', { text: t('common.target'), attrs: { scope: 'col' } }),
    el('th', { text: t('common.province'), attrs: { scope: 'col' } }),
    peers ? el('th', { text: t('agency.peers'), attrs: { scope: 'col' } }) : null)));
  const body = el('tbody');
  let category = null;
  data.indicators.forEach((row) => {
    const i = row.indicator;
    if (i.category !== category) {
      category = i.category;
      body.appendChild(el('tr', { className: 'category-row' }, el('th', { attrs: { colspan: columns, scope: 'colgroup' }, text: i.categoryText })));
    }
    body.appendChild(el('tr', { id: 'ind-' + i.id },
      el('th', { attrs: { scope: 'row' } }, el('span', { className: 'ind-id', text: i.id }), ' ', OSM.indicatorLink(i), ' ', help(i)),
      el('td', {}, value(row.value, i.rule ? link(location.pathname, { rule: i.rule }) + '#cases' : null, {})),
      el('td', { text: i.judged ? i.targetText : '' }),
      el('td', {}, value(row.province, link('/ranking', { sort: i.id }), { small: true })),
      peers ? el('td', { className: 'num', text: row.peersMedianText }) : null));
  });
  table.appendChild(body);
  main.appendChild(el('section', { className: 'panel' }, el('h2', { text: t('agency.indicators') }),
    el('div', { className: 'table-wrap' }, table), el('p', { className: 'legend muted', text: t('status.legend') })));

  // Per field (lĩnh vực): published for quarters, years and the range.
  const fieldSection = el('section', { className: 'panel' }, el('h2', { text: t('agency.fields') }));
  if (data.fields.length) {
    const grid = el('table', { className: 'grid' });
    grid.appendChild(el('thead', {}, el('tr', {}, ['agency.field', 'agency.fieldToHandle', 'agency.fieldOnTime',
      'agency.fieldLateNoApology', 'agency.fieldMeanDays'].map((k) => el('th', { attrs: { scope: 'col' }, text: t(k) })))));
    grid.appendChild(el('tbody', {}, data.fields.map((r) => el('tr', {},
      el('th', { attrs: { scope: 'row' }, text: r.name }),
      el('td', { className: 'num' }, r.toHandle ? value(r.toHandle, null, {}) : el('span', { text: '' })),
      el('td', {}, r.onTime ? value(r.onTime, null, {}) : el('span', { text: '' })),
      el('td', {}, r.lateNoApology ? value(r.lateNoApology, null, {}) : el('span', { text: '' })),
      el('td', {}, r.meanDays ? value(r.meanDays, null, {}) : el('span', { text: '' }))))));
    fieldSection.appendChild(el('div', { className: 'table-wrap' }, grid));
  } else {
    fieldSection.appendChild(el('p', { className: 'muted', text: t('agency.fieldsHint') }));
  }
  main.appendChild(fieldSection);

  // 06a/06b row, columns 3–13.
  if (data.report06.length) {
    const report = el('table', { className: 'grid report06' });
    report.appendChild(el('thead', {}, el('tr', {}, data.report06.map((c) => el('th', { attrs: { scope: 'col' } },
      el('span', { className: 'col-id', text: '(' + c.indicator.id.split('.').pop() + ')' }), ' ', c.indicator.name, ' ', help(c.indicator))))));
    report.appendChild(el('tbody', {}, el('tr', {}, data.report06.map((c) => el('td', { className: 'num' }, value(c.value, null, {}))))));
    main.appendChild(el('section', { className: 'panel' }, el('h2', { text: t('agency.report06') }), el('div', { className: 'table-wrap' }, report)));
  }

  const trend = el('section', { className: 'panel' }, el('h2', { text: t('agency.trend') }));
  main.appendChild(trend);
  OSMTrend.render(trend, data.trend, '766.2.1', shell.language);

  // Dossiers behind the rule flags, one rule at a time, page by page.
  const cases = el('section', { className: 'panel', id: 'cases' }, el('h2', { text: t('agency.rules') }));
  const tabs = el('div', { className: 'tabs', attrs: { role: 'tablist' } });
  const list = el('div', { attrs: { role: 'tabpanel', 'aria-live': 'polite' } });
  cases.appendChild(tabs);
  cases.appendChild(list);
  main.appendChild(cases);
  const rules = data.rules.map((r) => r.rule);
  let currentRule = rules.includes(param('rule')) ? param('rule') : rules[0];

  const ruleInfo = el('div', { className: 'rule-info' });
  cases.insertBefore(ruleInfo, list);

  async function showCases(rule, page) {
    currentRule = rule;
    clear(tabs);
    const r = data.rules.find((x) => x.rule === rule);
    clear(ruleInfo);
    if (r && (r.threshold || r.basis)) {
      ruleInfo.appendChild(el('dl', { className: 'facts' },
        r.threshold ? [el('dt', { text: t('case.threshold') }), el('dd', { text: r.threshold })] : null,
        r.basis ? [el('dt', { text: t('help.basis') }), el('dd', { text: r.basis })] : null));
    }
    data.rules.forEach((r) => {
      const b = el('button', {
        className: 'tab' + (r.rule === rule ? ' active' : ''), text: r.name + ' (' + r.count + ')',
        attrs: { type: 'button', role: 'tab', 'aria-selected': r.rule === rule ? 'true' : 'false' }
      });
      b.addEventListener('click', () => showCases(r.rule, 1));
      tabs.appendChild(b);
    });
    if (r && r.flags === 'procedure_months') {
      await showProcedureFlags(rule, page);
      return;
    }
    const page_ = await api('/api/agencies/' + encodeURIComponent(code) + '/cases?period=' + period
      + '&rule=' + encodeURIComponent(rule) + '&page=' + page);
    clear(list);
    if (!page_.rows.length) {
      list.appendChild(el('p', { className: 'muted', text: t('cases.none') }));
      return;
    }
    const withDetail = page_.rows.some((c) => c.detail);
    const cols = ['case_id', 'procedure', 'received', 'due', 'effective_due', 'finished', 'apology', 'applicant']
      .concat(withDetail ? ['detail'] : []);
    const grid = el('table', { className: 'grid cases' });
    grid.appendChild(el('thead', {}, el('tr', {}, cols.map((c) => el('th', { attrs: { scope: 'col' }, text: t('cases.' + c) })))));
    grid.appendChild(el('tbody', {}, page_.rows.map((c) => el('tr', {},
      el('td', { className: 'mono' }, el('a', { href: link('/case/' + encodeURIComponent(c.caseId), { rule }), text: c.caseId })),
      el('td', {}, el('span', { text: c.procedureName || '' }), el('span', { className: 'muted block', text: [c.procedureCode, c.channelText].filter(Boolean).join(' · ') })),
      el('td', { className: 'nowrap', text: c.receivedAtText }),
      el('td', { className: 'nowrap', text: c.dueAtText }),
      el('td', { className: 'nowrap', text: c.effectiveDueAtText }),
      el('td', { className: 'nowrap' + (c.finishedAt ? '' : ' muted'), text: c.finishedAtText }),
      el('td', { className: 'nowrap' + (c.apologyIssuedAt ? '' : ' missing'), text: c.apologyIssuedAtText }),
      el('td', { text: c.applicant || '' }),
      withDetail ? el('td', { text: c.detail || '' }) : null))));
    list.appendChild(el('p', { className: 'muted', text: t('cases.total', page_.total) }));
    list.appendChild(el('div', { className: 'table-wrap' }, grid));
    list.appendChild(OSM.pager(page_.page, page_.pages, (p) => showCases(rule, p)));
  }

  // R12 flags procedures month by month, not dossiers: what it saw, per procedure and month (decision 63).
  async function showProcedureFlags(rule, page) {
    const page_ = await api('/api/agencies/' + encodeURIComponent(code) + '/procedure-flags?period=' + period
      + '&rule=' + encodeURIComponent(rule) + '&page=' + page);
    clear(list);
    if (!page_.rows.length) {
      list.appendChild(el('p', { className: 'muted', text: t('procflags.none') }));
      return;
    }
    const cols = ['procedure', 'month', 'peers', 'month_dossiers', 'median', 'detail'];
    const grid = el('table', { className: 'grid procedure-flags' });
    grid.appendChild(el('thead', {}, el('tr', {}, cols.map((c) => el('th', { attrs: { scope: 'col' }, text: t('procflags.' + c) })))));
    grid.appendChild(el('tbody', {}, page_.rows.map((f) => el('tr', {},
      el('td', {}, el('span', { text: f.procedureName || '' }), el('span', { className: 'muted block', text: f.procedureCode })),
      el('td', { className: 'nowrap', text: f.monthText }),
      el('td', { className: 'num', text: f.peersText }),
      el('td', { className: 'num', text: f.monthDossiersText }),
      el('td', { className: 'num', text: f.monthlyMedianText }),
      el('td', { text: f.detail || '' })))));
    list.appendChild(el('p', { className: 'muted', text: t('procflags.note') }));
    list.appendChild(el('p', { className: 'muted', text: t('procflags.total', page_.total) }));
    list.appendChild(el('div', { className: 'table-wrap' }, grid));
    list.appendChild(OSM.pager(page_.page, page_.pages, (p) => showProcedureFlags(rule, p)));
  }

  if (currentRule) await showCases(currentRule, 1);
  if (location.hash) {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) { target.classList.add('highlight'); target.scrollIntoView(); }
  }

  async function picker(root) {
    const agencies = await api('/api/agencies?period=' + encodeURIComponent(OSM.periodId()));
    const search = el('input', { id: 'agency-search', attrs: { type: 'search', placeholder: t('ranking.search_hint'), autocomplete: 'off' } });
    const ul = el('ul', { className: 'agency-list' });
    root.appendChild(el('h1', { text: t('agency.pick') }));
    root.appendChild(el('div', { className: 'toolbar' }, el('label', { attrs: { for: 'agency-search' } }, t('ranking.search'), search)));
    root.appendChild(ul);
    const render = () => {
      const q = OSM.fold(search.value);
      clear(ul);
      agencies.filter((x) => !q || x.searchKey.includes(q) || x.code.toLowerCase().includes(q)).forEach((x) => ul.appendChild(el('li', {},
        el('a', { href: link('/agency/' + encodeURIComponent(x.code)), text: x.name }),
        el('span', { className: 'muted', text: ' · ' + x.kindText }))));
    };
    search.addEventListener('input', render);
    render();
  }
});
