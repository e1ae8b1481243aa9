/*
 * The monthly trend chart (Chart.js from the webjar): one line per scope for the chosen indicator, and its
 * target as a dashed line. A month without data is a gap, never 0.
 */
'use strict';

const OSMTrend = (() => {
  const { el, t } = OSM;
  // Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
  const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];
  const TARGET_COLOUR = '#333333';
  const VI_NUMBER = (lang) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 });

  /** Builds the chart into container; returns nothing useful, the chart redraws itself on selection. */
  function render(container, trend, defaultIndicator, language) {
    const choices = trend.indicators;
    if (!choices.length || !trend.months.length) {
      container.appendChild(el('p', { className: 'muted', text: t('value.no_data') }));
      return;
    }
    const select = el('select', { id: 'trend-indicator' });
    choices.forEach((i) => select.appendChild(el('option', {
      text: i.id + ' · ' + i.name, attrs: { value: i.id, selected: i.id === defaultIndicator }
    })));
    const canvas = el('canvas', { attrs: { role: 'img', 'aria-label': t('overview.trend') } });
    // The chart's numbers for screen readers; the wrapper hides them (a table will not shrink to sr-only's 1px).
    const table = el('table', {});
    container.appendChild(el('div', { className: 'trend-controls' },
      el('label', { attrs: { for: 'trend-indicator' }, text: t('overview.trend_indicator') + ': ' }), select));
    container.appendChild(el('div', { className: 'chart-box' }, canvas));
    container.appendChild(el('div', { className: 'sr-only' }, table));
    const format = VI_NUMBER(language);
    let chart = null;

    function draw() {
      const indicator = choices.find((i) => i.id === select.value) || choices[0];
      const labels = trend.months.map((m) => m.shortLabel);
      const datasets = trend.series.map((s, n) => ({
        label: s.name,
        data: (s.values[indicator.id] || []).map((v) => (v === null ? null : Number(v))),
        borderColor: SERIES_COLOURS[n % SERIES_COLOURS.length],
        backgroundColor: SERIES_COLOURS[n % SERIES_COLOURS.length],
        pointStyle: n === 0 ? 'circle' : 'rectRot',
        pointRadius: 4,
        spanGaps: false,
        tension: 0
      }));
      if (indicator.target !== null && indicator.target !== undefined) {
        datasets.push({
          label: t('chart.target') + ' ' + indicator.targetText,
          data: labels.map(() => Number(indicator.target)),
          borderColor: TARGET_COLOUR,
          borderDash: [6, 4],
          borderWidth: 1.5,
          pointRadius: 0,
          fill: false
        });
      }
      const percent = indicator.unit === 'percent';
      const options = {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          y: {
            beginAtZero: true,
            suggestedMax: percent ? 100 : undefined,
            ticks: { callback: (v) => format.format(v) + (percent ? ' %' : '') }
          }
        },
        plugins: {
          legend: { position: 'bottom', labels: { usePointStyle: true } },
          tooltip: {
            callbacks: {
              label: (ctx) => ctx.dataset.label + ': '
                + (ctx.parsed.y === null ? t('value.no_data') : format.format(ctx.parsed.y) + (percent ? ' %' : ''))
            }
          }
        }
      };
      if (chart) chart.destroy();
      chart = new Chart(canvas, { type: 'line', data: { labels, datasets }, options });
      OSM.clear(table).appendChild(el('caption', { text: indicator.name }));
      table.appendChild(el('tr', {}, el('th', { text: '' }), trend.months.map((m) => el('th', { text: m.label }))));
      trend.series.forEach((s) => table.appendChild(el('tr', {}, el('th', { text: s.name }),
        (s.values[indicator.id] || []).map((v) => el('td', { text: v === null ? t('value.no_data') : format.format(Number(v)) })))));
    }

    select.addEventListener('change', draw);
    draw();
  }

  return { render };
})();
