/* Hồ sơ: one flagged dossier — why it is worth a look (rule, threshold, basis, what the rule saw) and its timeline. */
'use strict';

OSM.start('nav.agency', async (shell, main) => {
  const { el, t, api, link, param } = OSM;
  const match = location.pathname.match(/^\/case\/([^/]+)$/);
  const id = decodeURIComponent(match[1]);
  const data = await api('/api/cases/' + encodeURIComponent(id) + '?period=' + encodeURIComponent(OSM.periodId()));
  document.title = t('case.title') + ' ' + data.caseId + ' · ' + t('app.title');
  const rule = param('rule') || (data.flags.length ? data.flags[0].rule : null);

  main.appendChild(el('nav', { className: 'breadcrumb', attrs: { 'aria-label': t('case.breadcrumb') } },
    el('a', { href: link('/agency/' + encodeURIComponent(data.agency.code), { rule }) + '#cases', text: data.agency.name }),
    ' › ', el('span', { text: t('case.title') + ' ' + data.caseId })));
  main.appendChild(el('h1', {}, t('case.title') + ' ', el('span', { className: 'mono', text: data.caseId }),
    el('span', { className: 'h1-period', text: ' · ' + data.period.label })));

  // Left: why the dossier is worth a look, then its facts; right: what happened, in order.
  const left = el('div', { className: 'case-side' });
  const right = el('div', { className: 'case-side' });
  main.appendChild(el('div', { className: 'case-layout' }, left, right));

  const f = data.facts;
  const fact = (key, value, className) => (value ? [el('dt', { text: t(key) }), el('dd', { className: className || '', text: value })] : null);
  const facts = el('section', { className: 'panel' }, el('h2', { text: t('case.facts') }),
    el('dl', { className: 'facts' },
      fact('cases.procedure', [f.procedureName, f.procedureCode ? '(' + f.procedureCode + ')' : null].filter(Boolean).join(' ')),
      fact('agency.title', data.agency.name),
      fact('cases.channel', f.channelText),
      fact('case.status', f.statusText),
      fact('cases.applicant', f.applicant),
      fact('cases.received', f.receivedAtText, 'nowrap'),
      fact('cases.due', f.dueAtText, 'nowrap'),
      fact('cases.effective_due', f.effectiveDueAtText, 'nowrap'),
      fact('cases.finished', f.finishedAtText, 'nowrap'),
      fact('cases.apology', f.apologyIssuedAtText, f.apologyIssued ? 'nowrap' : 'nowrap missing'),
      fact('cases.apology_deadline', f.apologyDeadlineText, 'nowrap')));

  // Why this dossier is worth a look: each rule with its threshold, its basis and what it saw, period by period.
  const flags = el('section', { className: 'panel', id: 'flags' }, el('h2', { text: t('case.flags') }),
    el('p', { className: 'note', text: t('case.flags_note') }));
  data.flags.forEach((fl) => {
    flags.appendChild(el('article', { className: 'flag' + (fl.rule === rule ? ' flag-current' : '') },
      el('h3', { text: fl.name }),
      el('dl', { className: 'facts' },
        fl.threshold ? [el('dt', { text: t('case.threshold') }), el('dd', { text: fl.threshold })] : null,
        fl.basis ? [el('dt', { text: t('help.basis') }), el('dd', { text: fl.basis })] : null),
      el('ul', { className: 'occurrences' }, fl.occurrences.map((o) => el('li', { className: o.inView ? 'in-view' : '' },
        el('a', { href: link(location.pathname, { period: o.period.id, rule: fl.rule }), text: o.period.label }), ': ',
        el('span', { text: o.detail || '' }))))));
  });
  left.appendChild(flags);
  left.appendChild(facts);

  // What happened, in order; steps after the (effective) due time are marked.
  const timeline = el('section', { className: 'panel', id: 'timeline' }, el('h2', { text: t('case.timeline') }));
  if (!data.timeline.length) {
    timeline.appendChild(el('p', { className: 'muted', text: t('case.timeline_none') }));
  } else {
    timeline.appendChild(el('ol', { className: 'timeline' }, data.timeline.map((s) => el('li', {
      className: 'step step-' + s.kind + (s.afterDue ? ' step-late' : '')
    },
    el('span', { className: 'step-at nowrap', text: s.atText }),
    el('span', { className: 'step-body' },
      el('strong', { className: 'step-kind', text: s.kindText }),
      s.statusText && s.kind !== 'received' && s.kind !== 'supplement_requested' ? el('span', { className: 'muted', text: ' · ' + s.statusText }) : null,
      s.afterDue ? el('span', { className: 'badge status-below badge-small', text: t('case.after_due') }) : null,
      s.label ? el('span', { className: 'block', text: s.label }) : null,
      s.unit || s.officer ? el('span', { className: 'block muted', text: [s.unit, s.officer ? t('case.officer') + ' ' + s.officer : null].filter(Boolean).join(' · ') }) : null)))));
  }
  right.appendChild(timeline);
});
