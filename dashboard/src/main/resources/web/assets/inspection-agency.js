/* Kiểm tra một đơn vị: evidence pack and self-inspection sheet, dossier samples, flagged dossiers with the outcome
   recorded for each, and the agency's inspection history. */
'use strict';

OSM.start('nav.inspection', async (shell, main) => {
  const { el, t, api, post, clear, link } = OSM;
  const match = location.pathname.match(/^\/inspection\/agency\/([^/]+)$/);
  const code = decodeURIComponent(match[1]);
  const period = encodeURIComponent(OSM.periodId());
  const base = '/api/inspection/agency/' + encodeURIComponent(code);
  const data = await api(base + '?period=' + period);
  document.title = data.agency.name + ' · ' + t('nav.inspection');

  main.appendChild(el('div', { className: 'title-row' },
    el('h1', {}, data.agency.name, el('span', { className: 'h1-period', text: ' · ' + data.period.label })),
    el('span', { className: 'title-actions' },
      el('a', { className: 'button', href: link('/export/inspection/evidence/' + encodeURIComponent(code) + '.xlsx'), text: t('inspect.evidence') }),
      el('a', { className: 'button', href: link('/export/inspection/self-inspection/' + encodeURIComponent(code) + '.xlsx'), text: t('inspect.self') }),
      el('a', { className: 'button', href: link('/agency/' + encodeURIComponent(code)), text: t('inspect.to_agency') }))));
  main.appendChild(el('p', { className: 'muted', text: t('risk.note') }));

  // Samples.
  const samples = el('section', { className: 'panel', id: 'samples' }, el('h2', { text: t('sample.heading') }),
    el('p', { className: 'muted', text: t('sample.note') }));
  const n = el('input', { id: 'sample-n', attrs: { type: 'number', min: 0, max: 10000, value: data.sampleSize } });
  const seed = el('input', { id: 'sample-seed', attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: t('draw.seed_hint') } });
  const take = el('button', { className: 'button button-primary', text: t('sample.take'), attrs: { type: 'submit' } });
  const sampleBox = el('div', { attrs: { 'aria-live': 'polite' } });
  const sampleForm = el('form', { className: 'toolbar' },
    el('label', { attrs: { for: 'sample-n' } }, t('sample.n'), n),
    el('label', { attrs: { for: 'sample-seed' } }, t('draw.seed'), seed), take);
  samples.appendChild(sampleForm);
  samples.appendChild(sampleBox);
  main.appendChild(samples);

  function showSample(s) {
    clear(sampleBox);
    sampleBox.appendChild(el('p', { text: t('sample.summary', s.id, s.drawn, s.seed, s.drawnAt, s.drawnBy, s.n) }));
    sampleBox.appendChild(el('p', { className: 'muted', text: t('sample.strata') + ': ' + s.strata }));
    sampleBox.appendChild(el('div', { className: 'table-wrap' }, el('table', { className: 'grid' },
      el('thead', {}, el('tr', {}, ['common.stt', 'cases.case_id', 'sample.field', 'cases.procedure', 'cases.received', 'sample.reason', 'sample.rules']
        .map((k) => el('th', { attrs: { scope: 'col' }, text: t(k) })))),
      el('tbody', {}, s.dossiers.map((d) => el('tr', {},
        el('td', { className: 'num', text: String(d.seq) }),
        el('td', { className: 'mono' }, el('a', { href: link('/case/' + encodeURIComponent(d.caseId)), text: d.caseId })),
        el('td', { text: d.field || '' }), el('td', { className: 'mono', text: d.procedureCode || '' }),
        el('td', { className: 'nowrap', text: d.received }), el('td', { text: d.reason }), el('td', { text: d.rules || '' })))))));
  }
  if (data.samples.length) showSample(data.samples[0]);
  else sampleBox.appendChild(el('p', { className: 'muted', text: t('sample.none') }));
  sampleForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    take.disabled = true;
    try {
      showSample(await post(base + '/samples?period=' + period, { n: parseInt(n.value || '0', 10), seed: seed.value.trim() }));
    } catch (e) {
      clear(sampleBox).appendChild(el('p', { className: 'error', attrs: { role: 'alert' }, text: t('inspection.refused') + ' ' + (e.title || '') }));
    } finally {
      take.disabled = false;
    }
  });

  // Flagged dossiers and outcomes.
  const flags = el('section', { className: 'panel', id: 'outcomes' }, el('h2', { text: t('outcome.heading') }),
    el('p', { className: 'muted', text: t('outcome.note') }));
  if (!data.flags.length) {
    flags.appendChild(el('p', { className: 'muted', text: t('cases.none') }));
  } else {
    flags.appendChild(el('div', { className: 'table-wrap' }, el('table', { className: 'grid' },
      el('thead', {}, el('tr', {}, ['outcome.rule', 'cases.case_id', 'cases.procedure', 'cases.received', 'cases.due', 'cases.finished',
        'cases.applicant', 'cases.detail', 'outcome.result'].map((k) => el('th', { attrs: { scope: 'col' }, text: t(k) })))),
      el('tbody', {}, data.flags.map((f) => {
        const choice = el('select', { attrs: { 'aria-label': t('outcome.result') + ' ' + f.caseId } },
          el('option', { text: '—', attrs: { value: '' } }),
          data.findings.map((x) => el('option', { text: t('outcome.' + x), attrs: { value: x, selected: f.outcome && f.outcome.finding === x } })));
        const note = el('input', { attrs: { type: 'text', size: 24, 'aria-label': t('outcome.note_label'), value: f.outcome ? (f.outcome.note || '') : '' } });
        const save = el('button', { className: 'button', text: t('outcome.save'), attrs: { type: 'button' } });
        const status = el('span', { className: 'muted block', text: f.outcome ? t('outcome.by', f.outcome.by, f.outcome.at) : '' });
        save.addEventListener('click', async () => {
          if (!choice.value) return;
          try {
            const o = await post('/api/inspection/outcomes', { caseId: f.caseId, rule: f.rule, outcome: choice.value, note: note.value });
            status.textContent = t('outcome.by', o.by, o.at);
          } catch (e) {
            status.textContent = t('inspection.refused') + ' ' + (e.title || '');
          }
        });
        return el('tr', {},
          el('td', { text: f.ruleName }),
          el('td', { className: 'mono' }, el('a', { href: link('/case/' + encodeURIComponent(f.caseId), { rule: f.rule }), text: f.caseId })),
          el('td', { text: f.procedureName || '' }), el('td', { className: 'nowrap', text: f.received }),
          el('td', { className: 'nowrap', text: f.due }), el('td', { className: 'nowrap', text: f.finished }),
          el('td', { text: f.applicant || '' }), el('td', { className: 'message', text: f.detail || '' }),
          el('td', {}, choice, note, save, status));
      })))));
  }
  main.appendChild(flags);

  const history = el('section', { className: 'panel' }, el('h2', { text: t('inspect.history') }));
  if (!data.history.length) history.appendChild(el('p', { className: 'muted', text: t('inspect.no_history') }));
  else history.appendChild(el('ul', {}, data.history.map((h) => el('li', { text: h.date + ' · ' + h.kindText + (h.reference ? ' · ' + h.reference : '') }))));
  main.appendChild(history);
});
