/* Bốc thăm kiểm tra đột xuất: the form, the sealed result, the history of draws and the verification of any. */
'use strict';

OSM.start('nav.inspection', async (shell, main) => {
  const { el, t, api, post, clear, link } = OSM;
  main.appendChild(el('div', { className: 'title-row' },
    el('h1', { text: t('draw.heading') }),
    el('span', { className: 'title-actions' }, el('a', { className: 'button', href: link('/inspection'), text: t('inspection.back') }))));
  main.appendChild(el('p', { className: 'muted', text: t('draw.note') }));
  const setup = await api('/api/inspection/draws');

  // The form.
  const periods = shell.periods.filter((p) => ['month', 'quarter', 'year', 'range'].includes(p.kind) && !p.report);
  const period = el('select', { id: 'draw-period' }, periods.map((p) => el('option', {
    text: p.label, attrs: { value: p.id, selected: p.id === OSM.periodId() }
  })));
  const quotaInputs = setup.quotas.map((q) => ({
    kind: q.kind,
    input: el('input', { id: 'quota-' + q.kind, attrs: { type: 'number', min: 0, max: 999, value: q.quota } }),
    label: q.kindText
  }));
  const share = el('input', { id: 'draw-share', attrs: { type: 'number', min: 0, max: 100, value: setup.randomSharePct } });
  const months = el('input', { id: 'draw-months', attrs: { type: 'number', min: 0, max: 120, value: setup.recentMonths } });
  const seed = el('input', { id: 'draw-seed', attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: t('draw.seed_hint') } });
  const overrides = el('div', { className: 'overrides' });
  const addOverride = el('button', { className: 'button', text: t('draw.add_override'), attrs: { type: 'button' } });
  addOverride.addEventListener('click', () => {
    const row = el('div', { className: 'toolbar override' },
      el('label', {}, t('draw.override_agency'), el('input', { className: 'override-agency', attrs: { type: 'text', autocomplete: 'off' } })),
      el('label', {}, t('draw.override_reason'), el('input', { className: 'override-reason', attrs: { type: 'text', size: 50, autocomplete: 'off' } })));
    overrides.appendChild(row);
  });
  const submit = el('button', { className: 'button button-primary', text: t('draw.submit'), attrs: { type: 'submit' } });
  const form = el('form', { className: 'panel', id: 'draw-form' },
    el('h2', { text: t('draw.form') }),
    el('div', { className: 'toolbar' }, el('label', { attrs: { for: 'draw-period' } }, t('header.period'), period)),
    el('fieldset', {}, el('legend', { text: t('draw.quotas') }),
      el('div', { className: 'toolbar' }, quotaInputs.map((q) => el('label', { attrs: { for: q.input.id } }, q.label, q.input)))),
    el('div', { className: 'toolbar' },
      el('label', { attrs: { for: 'draw-share' } }, t('draw.random_share'), share),
      el('label', { attrs: { for: 'draw-months' } }, t('draw.recent_months'), months),
      el('label', { attrs: { for: 'draw-seed' } }, t('draw.seed'), seed)),
    el('fieldset', {}, el('legend', { text: t('draw.overrides') }), el('p', { className: 'muted', text: t('draw.overrides_note') }),
      overrides, addOverride),
    el('p', {}, submit));
  main.appendChild(form);

  const result = el('section', { className: 'panel', id: 'draw-result', attrs: { 'aria-live': 'polite' } });
  main.appendChild(result);
  const history = el('section', { className: 'panel', id: 'draw-history' }, el('h2', { text: t('draw.history') }));
  main.appendChild(history);

  function table(columns, rows) {
    return el('div', { className: 'table-wrap' }, el('table', { className: 'grid' },
      el('thead', {}, el('tr', {}, columns.map((k) => el('th', { attrs: { scope: 'col' }, text: t(k) })))),
      el('tbody', {}, rows)));
  }

  async function verify(id, box) {
    clear(box);
    const v = await api('/api/inspection/draws/' + id + '/verify');
    box.appendChild(el('p', { className: v.holds ? 'info' : 'error', attrs: { role: 'status' }, text: v.verdict }));
    box.appendChild(el('ul', {}, v.checks.map((c) => el('li', { className: 'check-' + c.status },
      el('strong', { text: c.statusText + ' · ' + c.label }), c.detail ? ': ' : null,
      c.detail ? el('span', { className: 'muted', text: c.detail }) : null))));
  }

  function show(d) {
    clear(result);
    result.appendChild(el('h2', { text: t('draw.result', d.id) }));
    if (!d.readable) {
      result.appendChild(el('p', { className: 'error', text: t('draw.unreadable') }));
    } else {
      result.appendChild(el('dl', { className: 'facts' },
        el('dt', { text: t('draw.when') }), el('dd', { text: d.drawnAt + ' · ' + d.drawnBy }),
        el('dt', { text: t('header.period') }), el('dd', { text: d.period + ' · ' + t('draw.run') + ' ' + d.runId }),
        el('dt', { text: t('draw.seed') }), el('dd', { className: 'mono', text: d.seed }),
        el('dt', { text: t('draw.parameters') }), el('dd', { text: d.quotas.map((q) => q.kindText + ' ' + q.quota).join('; ')
          + ' · ' + t('draw.random_share') + ' ' + d.randomSharePct + ' % · ' + t('draw.recent_months') + ' ' + d.recentMonths })));
      result.appendChild(table(['draw.order', 'common.agency', 'ranking.kind', 'draw.share', 'risk.score', 'draw.override_reason'],
        d.selected.map((s) => el('tr', {},
          el('td', { className: 'num', text: String(s.order) }),
          el('th', { attrs: { scope: 'row' } }, el('a', { href: link('/inspection/agency/' + encodeURIComponent(s.code)), text: s.name }),
            s.feedbackTriggered ? el('span', { className: 'badge badge-small status-near', text: t('risk.feedback') }) : null),
          el('td', { text: s.kindText }), el('td', { text: s.shareText }), el('td', { className: 'num', text: s.riskText }),
          el('td', { text: s.override || '' })))));
      d.shortfall.forEach((s) => result.appendChild(el('p', { className: 'error', text: t('draw.shortfall', s.places, s.kindText) })));
      const candidates = el('details', {}, el('summary', { text: t('draw.candidates', d.candidates.length) }),
        table(['common.agency', 'ranking.kind', 'risk.score', 'draw.feedback', 'draw.exclusions', 'draw.eligible'],
          d.candidates.map((c) => el('tr', { className: c.selected ? 'selected' : '' },
            el('th', { attrs: { scope: 'row' }, text: c.name + ' (' + c.code + ')' }),
            el('td', { text: c.kindText }), el('td', { className: 'num', text: c.riskText }),
            el('td', { className: 'num', text: c.conductFeedback ? String(c.conductFeedback) : '' }),
            el('td', { text: c.exclusions.join('; ') + (c.override ? ' — ' + t('draw.overridden') + ': ' + c.override : '') }),
            el('td', { text: c.eligible ? t('draw.yes') : t('draw.no') })))));
      result.appendChild(candidates);
    }
    result.appendChild(el('p', {}, el('strong', { text: t('draw.seal') + ': ' }), el('code', { className: 'mono seal', text: d.seal })));
    const check = el('div', { attrs: { 'aria-live': 'polite' } });
    const button = el('button', { className: 'button', text: t('draw.verify'), attrs: { type: 'button' } });
    button.addEventListener('click', () => verify(d.id, check).catch((e) => { clear(check).appendChild(OSM.errorBox(e)); }));
    result.appendChild(el('p', {}, button));
    result.appendChild(check);
    result.appendChild(el('details', {}, el('summary', { text: t('draw.record') }), el('pre', { className: 'record', text: d.json })));
  }

  function renderHistory(rows) {
    while (history.childNodes.length > 1) history.removeChild(history.lastChild);
    if (!rows.length) {
      history.appendChild(el('p', { className: 'muted', text: t('draw.no_history') }));
      return;
    }
    history.appendChild(table(['draw.number', 'draw.when', 'draw.by', 'draw.run', 'draw.seal', 'risk.open'],
      rows.map((h) => {
        const open = el('button', { className: 'button', text: t('common.open'), attrs: { type: 'button' } });
        open.addEventListener('click', async () => show(await api('/api/inspection/draws/' + h.id)));
        return el('tr', {}, el('td', { className: 'num', text: String(h.id) }), el('td', { text: h.drawnAt }),
          el('td', { text: h.drawnBy }), el('td', { className: 'mono', text: h.runId }),
          el('td', { className: 'mono', text: h.seal.slice(0, 16) + '…' }), el('td', {}, open));
      })));
  }
  renderHistory(setup.history);

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    submit.disabled = true;
    try {
      const quotas = {};
      quotaInputs.forEach((q) => {
        const n = parseInt(q.input.value || '0', 10);
        if (n > 0) quotas[q.kind] = n;
      });
      const body = {
        period: period.value, quotas, randomSharePct: parseInt(share.value || '0', 10),
        recentMonths: parseInt(months.value || '0', 10), seed: seed.value.trim(),
        overrides: [...overrides.querySelectorAll('.override')].map((row) => ({
          agency: row.querySelector('.override-agency').value.trim(), reason: row.querySelector('.override-reason').value
        })).filter((o) => o.agency)
      };
      show(await post('/api/inspection/draws', body));
      renderHistory((await api('/api/inspection/draws')).history);
    } catch (e) {
      clear(result).appendChild(el('p', { className: 'error', attrs: { role: 'alert' }, text: t('inspection.refused') + ' ' + (e.title || '') }));
    } finally {
      submit.disabled = false;
    }
  });
});
