/* Kế hoạch kiểm tra: the year's plan — add an agency in a quarter, withdraw an item, export the appendix. */
'use strict';

OSM.start('nav.inspection', async (shell, main) => {
  const { el, t, api, post, clear, link, param } = OSM;
  let data = await api('/api/inspection/plan' + (param('year') ? '?year=' + encodeURIComponent(param('year')) : ''));
  const year = data.year;
  const years = [year - 1, year, year + 1];
  const yearPicker = el('select', { id: 'plan-year' }, years.map((y) => el('option', { text: String(y), attrs: { value: y, selected: y === year } })));
  yearPicker.addEventListener('change', () => { location.assign(link('/inspection/plan', { year: yearPicker.value })); });
  main.appendChild(el('div', { className: 'title-row' },
    el('h1', { text: t('plan.heading', year) }),
    el('span', { className: 'title-actions' },
      el('a', { className: 'button', href: '/export/inspection/plan.xlsx?year=' + year, text: t('export.xlsx') }),
      el('a', { className: 'button', href: link('/inspection'), text: t('inspection.back') }))));
  main.appendChild(el('div', { className: 'toolbar' }, el('label', { attrs: { for: 'plan-year' } }, t('plan.year'), yearPicker)));
  main.appendChild(el('p', { className: 'muted', text: data.title }));

  const items = el('section', { className: 'panel' }, el('h2', { text: t('plan.items') }));
  main.appendChild(items);
  const message = el('p', { attrs: { role: 'status', 'aria-live': 'polite' } });

  function render() {
    while (items.childNodes.length > 1) items.removeChild(items.lastChild);
    if (!data.items.length) {
      items.appendChild(el('p', { className: 'muted', text: t('plan.empty') }));
      return;
    }
    items.appendChild(el('div', { className: 'table-wrap' }, el('table', { className: 'grid' },
      el('thead', {}, el('tr', {}, ['common.agency', 'plan.quarter_col', 'plan.kind', 'plan.start', 'plan.notice', 'plan.notes', 'plan.added', '']
        .map((k) => el('th', { attrs: { scope: 'col' }, text: k ? t(k) : '' })))),
      el('tbody', {}, data.items.map((i) => {
        const remove = el('button', { className: 'button', text: t('plan.remove'), attrs: { type: 'button' } });
        remove.addEventListener('click', async () => {
          try {
            await post('/api/inspection/plan/items/' + i.id + '/remove', {});
            data = await api('/api/inspection/plan?year=' + year);
            render();
          } catch (e) {
            message.textContent = t('inspection.refused') + ' ' + (e.title || '');
          }
        });
        return el('tr', {}, el('th', { attrs: { scope: 'row' }, text: i.name }), el('td', { text: i.quarterText }),
          el('td', { text: i.kindText }), el('td', { text: i.plannedStart || '' }), el('td', { text: i.noticeDate || '' }),
          el('td', { text: i.notes || '' }), el('td', { className: 'muted', text: i.addedBy + ' · ' + i.addedAt }), el('td', {}, remove));
      })))));
  }
  render();

  const agency = el('select', { id: 'plan-agency' }, data.agencies.map((a) => el('option', { text: a.name + ' · ' + a.kindText, attrs: { value: a.code } })));
  const quarter = el('select', { id: 'plan-quarter' }, [1, 2, 3, 4].map((q) => el('option', { text: t('plan.quarter', ['I', 'II', 'III', 'IV'][q - 1]), attrs: { value: q } })));
  const kind = el('select', { id: 'plan-kind' }, ['direct', 'indirect'].map((k) => el('option', { text: t('inspection.kind.' + k), attrs: { value: k } })));
  const start = el('input', { id: 'plan-start', attrs: { type: 'date' } });
  const notes = el('input', { id: 'plan-notes', attrs: { type: 'text', size: 40 } });
  const add = el('button', { className: 'button button-primary', text: t('plan.add'), attrs: { type: 'submit' } });
  const form = el('form', { className: 'panel', id: 'plan-form' }, el('h2', { text: t('plan.add_heading') }),
    el('p', { className: 'muted', text: t('plan.notice_note', data.noticeDays) }),
    el('div', { className: 'toolbar' },
      el('label', { attrs: { for: 'plan-agency' } }, t('common.agency'), agency),
      el('label', { attrs: { for: 'plan-quarter' } }, t('plan.quarter_col'), quarter),
      el('label', { attrs: { for: 'plan-kind' } }, t('plan.kind'), kind),
      el('label', { attrs: { for: 'plan-start' } }, t('plan.start'), start),
      el('label', { attrs: { for: 'plan-notes' } }, t('plan.notes'), notes)),
    el('p', {}, add), message);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await post('/api/inspection/plan/items', { year, agency: agency.value, quarter: parseInt(quarter.value, 10),
        kind: kind.value, plannedStart: start.value, notes: notes.value });
      message.textContent = t('plan.added_ok');
      data = await api('/api/inspection/plan?year=' + year);
      render();
    } catch (e) {
      message.textContent = t('inspection.refused') + ' ' + (e.title || '');
    }
  });
  main.appendChild(form);
});
