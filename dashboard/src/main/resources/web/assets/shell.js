/*
 * OneStop Monitor — what every page shares: the API client, the dictionary, the header (navigation, period
 * picker, language switch, log out) and small builders. Pages are built with text nodes only: data is never
 * parsed as HTML, so names like "<script>" stay text.
 */
'use strict';

const OSM = (() => {
  let labels = {};
  let shell = null;

  /** t('key', a, b) — the label with {0}, {1} replaced. Unknown keys show as themselves. */
  function t(key, ...args) {
    let s = Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : key;
    args.forEach((a, i) => { s = s.split('{' + i + '}').join(String(a)); });
    return s;
  }

  /** el('a', {href: '/x', className: 'y', text: 'z', attrs: {...}}, child, ...) — never sets innerHTML. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    const p = props || {};
    if (p.className) node.className = p.className;
    if (p.text !== undefined && p.text !== null) node.textContent = String(p.text);
    if (p.href) node.setAttribute('href', p.href);
    if (p.title) node.setAttribute('title', p.title);
    if (p.id) node.id = p.id;
    Object.entries(p.attrs || {}).forEach(([k, v]) => {
      if (/^on/i.test(k) || k === 'style' || k === 'srcdoc') throw new Error('refused attribute ' + k);
      if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? '' : String(v));
    });
    Object.entries(p.data || {}).forEach(([k, v]) => { node.dataset[k] = String(v); });
    children.flat().forEach((c) => {
      if (c === null || c === undefined || c === false) return;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  class ApiError extends Error {
    constructor(status, title) {
      super(title || ('HTTP ' + status));
      this.status = status;
      this.title = title;
    }
  }

  /** GET a JSON document; a lost session goes back to the login form. */
  async function api(path) {
    const res = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (res.status === 401) {
      window.location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
      throw new ApiError(401);
    }
    if (!res.ok) {
      let title = null;
      try { title = (await res.json()).title; } catch (e) { /* not JSON */ }
      throw new ApiError(res.status, title);
    }
    return res.json();
  }

  /** POST a JSON document with the session's anti-forgery token; errors carry the server's reason. */
  async function post(path, body) {
    const res = await fetch(path, {
      method: 'POST', credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': shell ? shell.csrf : '' },
      body: JSON.stringify(body || {})
    });
    if (res.status === 401) {
      window.location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
      throw new ApiError(401);
    }
    if (!res.ok) {
      let title = null;
      try { title = (await res.json()).title; } catch (e) { /* not JSON */ }
      throw new ApiError(res.status, title);
    }
    return res.json();
  }

  /** Folding for search, the same as the server's Diacritics.fold: lower case, no marks, đ → d. */
  function fold(text) {
    return (text || '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD')
      .replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  }

  function param(name) {
    return new URLSearchParams(location.search).get(name);
  }

  /** The period in view: ?period= when it is one of the published periods, else the default. */
  function periodId() {
    const asked = param('period');
    if (shell && shell.periods.some((p) => p.id === asked)) return asked;
    return shell ? shell.defaultPeriod : null;
  }

  /** A link inside the app that keeps the period in view. */
  function link(path, params) {
    const url = new URL(path, location.origin);
    const period = periodId();
    if (period && !url.searchParams.has('period')) url.searchParams.set('period', period);
    Object.entries(params || {}).forEach(([k, v]) => {
      if (v !== null && v !== undefined && v !== '') url.searchParams.set(k, v);
    });
    return url.pathname + url.search + url.hash;
  }

  function withPeriod(path) {
    const sep = path.includes('?') ? '&' : '?';
    return periodId() ? path + sep + 'period=' + encodeURIComponent(periodId()) : path;
  }

  const KIND_ORDER = ['month', 'quarter', 'half', 'year', 'range',
    'report_month', 'report_quarter', 'report_half', 'report_nine_months', 'report_year'];

  const STATUS_ICONS = { met: '✓', near: '!', below: '✗', no_data: '–' };

  /** Status by colour and by words: a badge with an icon and the text (Đạt, Gần đạt, …). */
  function statusBadge(code, text, small) {
    if (!code) return null;
    return el('span', { className: 'badge status-' + code + (small ? ' badge-small' : '') },
      el('span', { className: 'badge-icon', text: STATUS_ICONS[code] || '', attrs: { 'aria-hidden': 'true' } }),
      text);
  }

  function bandBadge(code, text, small) {
    if (!code) return null;
    return el('span', { className: 'badge band-' + code + (small ? ' badge-small' : '') }, small ? text : t('band.label') + ': ' + text);
  }

  /** The "?" beside an indicator: its formula, basis, points and target, opened in place. */
  function help(indicator) {
    const body = el('div', { className: 'help-body', attrs: { role: 'note' } },
      el('p', { className: 'help-title', text: indicator.id + ' · ' + indicator.name }),
      indicator.formula ? el('p', {}, el('strong', { text: t('help.formula') + ': ' }), indicator.formula) : null,
      indicator.basis ? el('p', {}, el('strong', { text: t('help.basis') + ': ' }), indicator.basis) : null,
      indicator.points !== null && indicator.points !== undefined
        ? el('p', {}, el('strong', { text: t('help.points') + ': ' }), String(indicator.points)) : null,
      indicator.targetText ? el('p', {}, el('strong', { text: t('help.target') + ': ' }), indicator.targetText) : null);
    return el('details', { className: 'help' },
      el('summary', { title: t('help.button'), attrs: { 'aria-label': t('help.button') + ': ' + indicator.name } }, '?'),
      body);
  }

  /**
   * A value: its text (a link to what it counts) with its status or band, and below it what it counts. Without
   * data the text itself reads "Không có dữ liệu", shown as the grey no-data badge.
   */
  function value(v, href, options) {
    const o = options || {};
    const hasData = v.headline !== null && v.headline !== undefined;
    const main = href ? el('a', { href, className: 'value-text', text: v.text }) : el('span', { className: 'value-text', text: v.text });
    if (!hasData) main.classList.add('no-data');
    return el('span', { className: 'value' + (o.small ? ' value-small' : '') },
      el('span', { className: 'value-line' },
        main,
        o.status === false || !hasData ? null : statusBadge(v.status, v.statusText, o.small),
        v.band ? bandBadge(v.band, v.bandText, o.small) : null),
      v.detail ? el('span', { className: 'value-detail', text: v.detail, title: t('common.counts') }) : null);
  }

  /** An indicator's name as a link to its page: its distribution across agencies. */
  function indicatorLink(indicator, className) {
    return el('a', { href: link('/indicator/' + encodeURIComponent(indicator.id)), className: className || 'indicator-link', text: indicator.name });
  }

  function pager(page, pages, onPage) {
    const prev = el('button', { className: 'button', text: t('common.previous'), attrs: { type: 'button', disabled: page <= 1 } });
    const next = el('button', { className: 'button', text: t('common.next'), attrs: { type: 'button', disabled: page >= pages } });
    prev.addEventListener('click', () => onPage(page - 1));
    next.addEventListener('click', () => onPage(page + 1));
    return el('div', { className: 'pager' }, prev, el('span', { text: t('common.page', page, pages) }), next);
  }

  function errorBox(err) {
    let key = 'error.generic';
    if (err && err.title === 'no_published_run') key = 'error.no_published_run';
    else if (err && err.status === 403) key = 'error.forbidden';
    return el('p', { className: 'error', attrs: { role: 'alert' }, text: t(key) });
  }

  function header(current) {
    const root = document.getElementById('app-header');
    clear(root);
    const period = shell.periods.find((p) => p.id === periodId());
    // Calendar periods by default; the official report periods (cut-off on the 14th) are a second, labelled family.
    const family = period && period.report ? 'report' : 'calendar';
    const families = el('select', { id: 'period-family', attrs: { 'aria-label': t('period.family') } },
      ['calendar', 'report'].filter((f) => shell.periods.some((p) => p.report === (f === 'report')))
        .map((f) => el('option', { text: t('period.family.' + f), attrs: { value: f, selected: f === family } })));
    const picker = el('select', { id: 'period-picker', attrs: { 'aria-label': t('header.period') } });
    const fillPicker = (fam) => {
      clear(picker);
      KIND_ORDER.forEach((kind) => {
        const options = shell.periods.filter((p) => p.kind === kind && p.report === (fam === 'report'));
        if (!options.length) return;
        const group = el('optgroup', { attrs: { label: t('period.kind.' + kind) } });
        options.forEach((p) => group.appendChild(el('option', { text: p.label, attrs: { value: p.id, selected: p.id === periodId() } })));
        picker.appendChild(group);
      });
    };
    fillPicker(family);
    const go = (id) => {
      const url = new URL(location.href);
      url.searchParams.set('period', id);
      location.assign(url.pathname + url.search);
    };
    picker.addEventListener('change', () => go(picker.value));
    families.addEventListener('change', () => {
      fillPicker(families.value);
      if (picker.options.length) go(picker.options[0].value);
    });
    const nav = el('nav', { className: 'nav', attrs: { 'aria-label': t('nav.main') } },
      shell.nav.map((item) => el('a', {
        href: withPeriod(item.href), text: t(item.key),
        className: current === item.key ? 'active' : '', attrs: { 'aria-current': current === item.key ? 'page' : null }
      })));
    const otherLang = shell.language === 'vi' ? 'en' : 'vi';
    const langUrl = new URL(location.href);
    langUrl.searchParams.set('lang', otherLang);
    const logout = el('form', { className: 'logout', attrs: { method: 'post', action: '/logout' } },
      el('input', { attrs: { type: 'hidden', name: 'csrf', value: shell.csrf } }),
      el('button', { className: 'button button-quiet', text: t('header.logout'), attrs: { type: 'submit' } }));
    root.appendChild(el('div', { className: 'header-top' },
      el('a', { className: 'brand', href: '/' }, el('span', { className: 'brand-name', text: t('app.title') }),
        el('span', { className: 'brand-sub', text: shell.provinceName + ' · ' + t('app.subtitle') })),
      nav,
      el('div', { className: 'user' },
        el('a', { className: 'lang', href: langUrl.pathname + langUrl.search, text: t('header.switch_language'), attrs: { lang: otherLang } }),
        el('span', { className: 'user-name', text: shell.displayName, title: shell.roleText }),
        el('span', { className: 'user-role', text: shell.roleText }),
        logout)));
    root.appendChild(el('div', { className: 'header-period' },
      el('label', { attrs: { for: 'period-picker' }, text: t('header.period') + ':' }),
      families,
      picker,
      period ? el('span', { className: 'period-now' }, el('strong', { text: period.label }),
        period.labelHasDates ? null : ' (' + period.dates + ')') : null,
      shell.run ? el('span', { className: 'run-info', text: t('header.run', shell.run.publishedAt) + ' · ' + t('header.profile', shell.run.pointsProfile || '–') }) : null));
  }

  /** Loads the header and runs the page: page(shell) builds the main area. */
  function start(current, page) {
    document.addEventListener('DOMContentLoaded', async () => {
      const main = document.getElementById('main');
      try {
        shell = await api('/api/shell');
        labels = shell.labels;
        document.documentElement.lang = shell.language;
        header(current);
        if (current) document.title = t(current) + ' · ' + t('app.title');
        clear(main);
        await page(shell, main);
      } catch (err) {
        if (err && err.status === 401) return;
        clear(main).appendChild(errorBox(err));
      }
    });
  }

  /** Labels for pages without a session (the login form). */
  async function loadLabels() {
    const dict = await api('/api/labels');
    labels = dict.labels;
    document.documentElement.lang = dict.language;
    return dict;
  }

  /** Applies the dictionary to static text marked data-i18n="key". */
  function translateStatic(root) {
    (root || document).querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  }

  return { t, el, clear, api, post, fold, param, periodId, link, withPeriod, statusBadge, bandBadge, help, value, pager, indicatorLink,
    errorBox, start, loadLabels, translateStatic, ApiError };
})();
