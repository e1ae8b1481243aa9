/* Tổng quan: the province's key indicators against targets, by group, the monthly trend, and who to look at. */
'use strict';

OSM.start('nav.overview', async (shell, main) => {
  const { el, t, api, link, value, help } = OSM;
  const data = await api('/api/overview?period=' + encodeURIComponent(OSM.periodId()));

  main.appendChild(el('h1', {}, t('overview.heading'), el('span', { className: 'h1-period', text: ' · ' + data.period.label })));

  const cards = el('div', { className: 'cards' });
  data.cards.forEach((card) => {
    const i = card.indicator;
    const v = card.value;
    const isRule = Boolean(i.rule);
    const body = isRule
      ? el('div', { className: 'card-value' },
        el('a', { className: 'big' + (v.numerator === null ? ' no-data' : ''), href: card.link, text: v.numeratorText || t('value.no_data') }),
        el('span', { className: 'card-unit', text: t('overview.r01_count') }),
        el('span', { className: 'card-rate' }, t('overview.r01_rate') + ': ', el('strong', { text: v.text }),
          v.detail ? ' (' + v.detail + ')' : ''))
      : el('div', { className: 'card-value' },
        el('a', { className: 'big' + (v.headline === null ? ' no-data' : ''), href: card.link, text: v.text }),
        v.detail ? el('span', { className: 'value-detail', text: v.detail }) : null);
    cards.appendChild(el('section', { className: 'card' + (v.status ? ' card-' + v.status : '') + (v.band ? ' card-band-' + v.band : '') },
      el('h2', { className: 'card-title' }, OSM.indicatorLink(i), help(i)),
      body,
      el('div', { className: 'card-foot' },
        OSM.statusBadge(v.status, v.statusText),
        v.band ? OSM.bandBadge(v.band, v.bandText) : null,
        i.targetText && i.judged ? el('span', { className: 'target', text: t('common.target') + ': ' + i.targetText }) : null)));
  });
  main.appendChild(el('section', { attrs: { 'aria-label': t('overview.cards') } }, cards));
  main.appendChild(el('p', { className: 'legend muted', text: t('status.legend') }));

  const columns = data.cards.map((c) => c.indicator);
  const layout = el('div', { className: 'two-columns' });
  const left = el('section', { className: 'panel' }, el('h2', { text: t('overview.trend') }));
  OSMTrend.render(left, data.trend, '766.2.1', shell.language);
  layout.appendChild(left);
  if (data.groups.length) {
    const table = el('table', { className: 'grid' });
    table.appendChild(el('thead', {}, el('tr', {}, el('th', { text: t('ranking.group') }),
      columns.map((i) => el('th', {}, OSM.indicatorLink(i), help(i))))));
    const body = el('tbody');
    body.appendChild(el('tr', { className: 'total-row' }, el('th', { text: data.provinceName }),
      data.cards.map((c) => el('td', {}, value(c.value, c.link, { small: true })))));
    data.groups.forEach((g) => body.appendChild(el('tr', {}, el('th', {}, el('a', { href: link('/ranking', { group: g.code }), text: g.name })),
      columns.map((i) => el('td', {}, value(g.values[i.id], link('/ranking', { group: g.code, sort: i.id }), { small: true }))))));
    table.appendChild(body);
    left.appendChild(el('h2', { className: 'spaced', text: t('overview.groups') }));
    left.appendChild(el('div', { className: 'table-wrap' }, table));
  }

  const worth = el('section', { className: 'panel' }, el('h2', { text: t('overview.worth') }),
    el('p', { className: 'note', text: t('overview.worth_note', data.worthALookMinLate) }));
  if (!data.worthALook.length) {
    worth.appendChild(el('p', { className: 'muted', text: t('overview.worth_none') }));
  } else {
    const list = el('ol', { className: 'worth-list' });
    data.worthALook.forEach((w) => list.appendChild(el('li', {},
      el('div', { className: 'worth-head' },
        el('a', { href: link('/agency/' + encodeURIComponent(w.code), { rule: 'R01' }) + '#cases', text: w.name }),
        el('span', { className: 'muted', text: ' · ' + w.kindText }),
        el('span', { className: 'worth-rate', text: w.r01.text })),
      el('ul', { className: 'reasons' }, w.reasons.map((r) => el('li', { text: r }))))));
    worth.appendChild(list);
  }
  layout.appendChild(worth);
  main.appendChild(layout);
});
