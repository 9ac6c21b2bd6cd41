// The public dashboards' charts and map, drawn from the tables on the page (so a chart never shows what its table
// does not). Without JavaScript the tables and links still work. No request leaves the app: Leaflet draws the
// boundaries served by the app, without a tile server.
(function () {
  'use strict';

  const css = (name, fallback) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
  const palette = ['--color-primitive-blue-100', '--color-primitive-blue-300', '--color-primitive-blue-500', '--color-primitive-blue-800', '--color-primitive-blue-1100']
    .map((name, i) => css(name, ['#d9e6ff', '#9db7f9', '#4979f5', '#0031d8', '#000071'][i]));
  const ink = css('--color-neutral-solid-gray-800', '#333333');
  const font = css('--font-family-sans', 'sans-serif');

  function tableRows(id) {
    const table = document.getElementById(id);
    if (!table) return { headers: [], rows: [] };
    // A paged table's chart reads every row from a JSON data block of the same shape (TablePaging.ChartData).
    if (table.type === 'application/json') return JSON.parse(table.textContent);
    const headers = [...table.tHead.rows[0].cells].map(c => c.textContent.trim());
    const rows = [...table.tBodies[0].rows].map(r => [...r.cells].map(c => ({
      text: c.textContent.trim(),
      value: c.dataset.value === undefined || c.dataset.value === '' ? null : Number(c.dataset.value),
    })));
    return { headers, rows };
  }

  // ECharts' default axis tooltip marks each series with style attributes, which the CSP refuses (ADR 0019): plain text.
  const axisTooltip = {
    trigger: 'axis',
    formatter: ps => ps.map(p => `${echarts.format.encodeHTML(p.name)}: ${p.value ?? '—'}`).join('<br>'),
  };

  function chart(element, option) {
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    instance.setOption(Object.assign({ textStyle: { fontFamily: font, color: ink }, animation: false }, option));
    window.addEventListener('resize', () => instance.resize());
    return instance;
  }

  function bar(element) {
    const { headers, rows } = tableRows(element.dataset.table);
    const label = Number(element.dataset.labelCol), value = Number(element.dataset.valueCol);
    chart(element, {
      grid: { left: 56, right: 16, top: 48, bottom: 72 },
      tooltip: axisTooltip,
      legend: { top: 0, data: [headers[value]] },
      xAxis: { type: 'category', name: headers[label], nameLocation: 'middle', nameGap: 56, data: rows.map(r => r[label].text), axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', name: headers[value] },
      series: [{ name: headers[value], type: 'bar', data: rows.map(r => r[value].value), itemStyle: { color: palette[3] } }],
    });
  }

  function lines(element) {
    const { headers, rows } = tableRows(element.dataset.table);
    const years = rows.map(r => r[0].text);
    for (let column = 1; column < headers.length; column++) {
      const values = rows.map(r => r[column].value);
      if (values.every(v => v === null)) continue;
      const panel = document.createElement('div');
      panel.className = 'dashboard-panel';
      element.appendChild(panel);
      // One year with a value is no line: a bar with its value written on it (issue 21 item 7).
      const single = values.filter(v => v !== null).length === 1;
      chart(panel, {
        title: { text: headers[column], textStyle: { fontSize: 14, color: ink } },
        grid: { left: 56, right: 16, top: 64, bottom: 48 },
        tooltip: axisTooltip,
        legend: { top: 28, data: [headers[column]] },
        xAxis: { type: 'category', name: headers[0], nameLocation: 'middle', nameGap: 28, data: years },
        yAxis: { type: 'value', name: headers[column], scale: !single },
        series: [single
          ? { name: headers[column], type: 'bar', data: values, barMaxWidth: 48, label: { show: true, position: 'top' }, itemStyle: { color: palette[3] } }
          : { name: headers[column], type: 'line', data: values, connectNulls: false, itemStyle: { color: palette[3] }, lineStyle: { color: palette[3] } }],
      });
    }
  }

  function scatter(element) {
    const { headers, rows } = tableRows(element.dataset.table);
    const x = Number(element.dataset.xCol), y = Number(element.dataset.yCol), label = Number(element.dataset.labelCol);
    chart(element, {
      grid: { left: 56, right: 24, top: 24, bottom: 48 },
      // ECharts writes a formatter's string as HTML: the names and headers from the table are escaped first.
      tooltip: { formatter: p => [p.data[2], `${headers[x]}: ${p.data[0]}`, `${headers[y]}: ${p.data[1]}`].map(echarts.format.encodeHTML).join('<br>') },
      legend: { top: 0, data: [headers[label]] },
      xAxis: { type: 'value', name: headers[x], nameLocation: 'middle', nameGap: 28, scale: true },
      yAxis: { type: 'value', name: headers[y], scale: true },
      series: [{ name: headers[label], type: 'scatter', symbolSize: 6, data: rows.map(r => [r[x].value, r[y].value, r[label].text]), itemStyle: { color: palette[3], opacity: 0.7 } }],
    });
  }

  // Quintile class limits of the values (the upper bound of each class but the last).
  function quintiles(values) {
    const sorted = values.filter(v => v !== null).sort((a, b) => a - b);
    return [1, 2, 3, 4].map(k => sorted[Math.min(sorted.length - 1, Math.floor(k * sorted.length / 5))]);
  }

  async function map(element) {
    const { rows } = tableRows(element.dataset.table);
    const code = Number(element.dataset.codeCol), value = Number(element.dataset.valueCol);
    const byCode = new Map(rows.map(r => [r[code].text.slice(0, 5), { name: r[0].text, value: r[value].value, display: r[value].text }]));
    const limits = quintiles(rows.map(r => r[value].value));
    const colour = v => v === null || v === undefined ? css('--color-neutral-solid-gray-100', '#e6e6e6') : palette[limits.filter(l => v >= l).length];
    const response = await fetch(element.dataset.geojson);
    const geojson = await response.json();
    const leaflet = L.map(element, { attributionControl: false, zoomSnap: 0.25 });
    const layer = L.geoJSON(geojson, {
      style: f => ({ color: '#ffffff', weight: 0.5, fillOpacity: 1, fillColor: colour(byCode.get(f.properties.N03_007)?.value) }),
      onEachFeature: (f, l) => {
        const body = byCode.get(f.properties.N03_007);
        l.bindTooltip(`${body ? body.name : f.properties.N03_004 || ''}: ${body && body.display ? body.display : '－'}`);
      },
    }).addTo(leaflet);
    leaflet.fitBounds(layer.getBounds());
    const legend = L.control({ position: 'bottomright' });
    legend.onAdd = () => {
      const div = L.DomUtil.create('div', 'dashboard-legend');
      const bounds = ['', ...limits.map(l => String(l))];
      // Built as elements, colours set through the style object: the CSP refuses style attributes in markup.
      palette.forEach((c, i) => {
        const item = L.DomUtil.create('span', '', div);
        const swatch = L.DomUtil.create('i', '', item);
        swatch.style.background = c;
        item.append(i === 0 ? `〜 ${limits[0]}` : `${bounds[i]} 〜`);
      });
      return div;
    };
    legend.addTo(leaflet);
    element.dataset.drawn = String(layer.getLayers().length);
  }

  const draw = { bar, lines, scatter, map };
  window.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-chart]').forEach(element => {
      Promise.resolve(draw[element.dataset.chart](element)).catch(error => {
        element.textContent = '図を表示できませんでした（値は表にあります）。';
        console.error(error);
      });
    });
  });
})();
