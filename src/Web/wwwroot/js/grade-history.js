// A facility's grade history, drawn from the tables on the page (so the chart never shows what the tables do not):
// one line per member (a column of the grade table), dates on a time axis, the best grade at the top, and a vertical
// line at each work's completion date (the works table). Without JavaScript the tables remain.
(function () {
  'use strict';

  const css = (name, fallback) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
  const colours = ['#0017c1', '#1a7f37', '#b35900', '#c0002b', '#6b2fa3', '#00707a', '#555555'];

  function draw(element) {
    const table = document.getElementById(element.dataset.table);
    const works = document.getElementById(element.dataset.works);
    const levels = element.dataset.levels.split('|');
    const members = [...table.tHead.rows[0].cells].slice(1).map(c => c.textContent.trim());
    const rows = [...table.tBodies[0].rows].map(r => ({
      date: r.cells[0].dataset.date,
      grades: [...r.cells].slice(1).map(c => (c.dataset.value === undefined ? null : Number(c.dataset.value))),
    }));
    const marks = works ? [...works.tBodies[0].rows].map(r => ({
      xAxis: r.cells[0].dataset.date,
      label: { formatter: r.cells[2].textContent.trim(), rotate: 90, fontSize: 11 },
    })) : [];
    const series = members.map((name, m) => ({
      name,
      type: 'line',
      step: 'end',
      connectNulls: true,
      symbolSize: 8,
      data: rows.filter(r => r.grades[m] !== null).map(r => [r.date, r.grades[m]]),
      // A member inspected once is a point, not a line: its grade is written beside it (issue 21 item 7).
      label: { show: rows.filter(r => r.grades[m] !== null).length === 1, position: 'right', formatter: p => levels[p.data[1] - 1] || String(p.data[1]) },
      itemStyle: { color: colours[m % colours.length] },
      lineStyle: { color: colours[m % colours.length] },
    }));
    if (series.length > 0 && marks.length > 0) {
      series[0].markLine = { symbol: 'none', silent: true, lineStyle: { color: '#333333', type: 'dashed' }, data: marks };
    }

    const chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: css('--font-family-sans', 'sans-serif'), color: '#333333' },
      grid: { left: 150, right: 24, top: 40, bottom: 40 },
      legend: { top: 0 },
      // Written as HTML by ECharts: the member's name (typed by staff) and the grade are escaped first.
      tooltip: { trigger: 'item', formatter: p => [p.seriesName, `${p.data[0]}: ${levels[p.data[1] - 1] || p.data[1]}`].map(echarts.format.encodeHTML).join('<br>') },
      xAxis: { type: 'time', name: '点検日', nameLocation: 'middle', nameGap: 28 },
      yAxis: {
        type: 'value', name: '判定区分', min: 1, max: levels.length, interval: 1, inverse: true,
        axisLabel: { formatter: v => levels[v - 1] || '' },
      },
      series,
    });
    window.addEventListener('resize', () => chart.resize());
    element.dataset.drawn = String(series.reduce((n, s) => n + s.data.length, 0));
  }

  window.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-chart="grade-history"]').forEach(element => {
      try {
        draw(element);
      } catch (error) {
        element.textContent = '図を表示できませんでした（値は表にあります）。';
        console.error(error);
      }
    });
  });
})();
