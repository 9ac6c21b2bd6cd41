// The residents' report form (Pages/Reports/Form): shows the chosen service's questions and notice, places a pin on
// a Leaflet map whose only background is the tenant's boundary (no tile server: municipal networks reach no outside
// host), and suggests nearby open reports of the same service. Without JavaScript the form still works: every
// service's questions are shown and the place is given as an address.
(function () {
  'use strict';

  const form = document.getElementById('report-form');
  if (!form) {
    return;
  }

  const service = document.getElementById('service_code');
  const lat = document.getElementById('lat');
  const lng = document.getElementById('long');
  const nearby = document.getElementById('nearby');

  function showQuestions() {
    for (const fieldset of form.querySelectorAll('fieldset.service-questions')) {
      const chosen = fieldset.dataset.service === service.value;
      fieldset.hidden = !chosen;
      // Inputs of other services are not sent.
      fieldset.disabled = !chosen;
    }
  }

  function text(tag, content) {
    const element = document.createElement(tag);
    element.textContent = content;
    return element;
  }

  // Built as elements, not HTML strings: the reports are residents' own text.
  function showNearby(result) {
    nearby.replaceChildren();
    if (!result.reports || result.reports.length === 0) {
      return;
    }
    nearby.append(text('h2', '近くに同じ種類の通報があります'));
    nearby.append(text('p', 'ピンから' + result.radius + 'm以内で対応中の通報です。同じものでしたら、新しく送らずに状況のページで確認できます。'));
    const list = document.createElement('ul');
    for (const report of result.reports) {
      const item = document.createElement('li');
      const link = text('a', '受付番号 ' + report.id);
      link.href = report.url;
      item.append(link, document.createTextNode('（' + report.status + '、' + report.requested + ' 受付、約' + report.metres + 'm）'));
      list.append(item);
    }
    nearby.append(list);
  }

  function fetchNearby() {
    if (!service.value || !lat.value || !lng.value) {
      nearby.replaceChildren();
      return;
    }
    const url = form.dataset.nearby + '&service=' + encodeURIComponent(service.value)
      + '&lat=' + encodeURIComponent(lat.value) + '&long=' + encodeURIComponent(lng.value);
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : { reports: [] }))
      .then(showNearby)
      .catch(() => nearby.replaceChildren());
  }

  service.addEventListener('change', () => {
    showQuestions();
    fetchNearby();
  });
  showQuestions();

  const section = document.getElementById('report-map-section');
  const container = document.getElementById('report-map');
  if (!section || !container || !window.L) {
    return;
  }

  section.hidden = false;
  const status = document.getElementById('pin-status');
  const map = L.map(container, { zoomControl: false, attributionControl: false, minZoom: 4, maxZoom: 19, zoomSnap: 0.25 });
  L.control.zoom({ zoomInTitle: '拡大', zoomOutTitle: '縮小' }).addTo(map);
  map.setView([36.2, 138.3], 5);
  const pinStyle = { radius: 9, color: '#ffffff', weight: 3, fillColor: '#b3001b', fillOpacity: 1, className: 'report-pin' };
  let pin = null;

  function place(latlng, zoom) {
    if (pin) {
      pin.setLatLng(latlng);
    } else {
      pin = L.circleMarker(latlng, pinStyle).addTo(map);
    }
    lat.value = latlng.lat.toFixed(6);
    lng.value = latlng.lng.toFixed(6);
    status.textContent = 'ピンを置きました（北緯 ' + lat.value + '、東経 ' + lng.value + '）。';
    if (zoom) {
      map.setView(latlng, 17);
    }
    fetchNearby();
  }

  document.getElementById('pin-clear').addEventListener('click', () => {
    if (pin) {
      map.removeLayer(pin);
      pin = null;
    }
    lat.value = '';
    lng.value = '';
    status.textContent = 'ピンを外しました。';
    nearby.replaceChildren();
  });

  map.on('click', (event) => place(event.latlng, false));

  fetch(container.dataset.boundary, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
    .then((response) => response.json())
    .then((boundary) => {
      const outline = L.geoJSON(boundary, {
        style: { color: '#4d4d4d', weight: 2, fillColor: '#f4f1e8', fillOpacity: 1, className: 'boundary' },
        interactive: false,
      }).addTo(map);
      if (lat.value && lng.value) {
        place(L.latLng(Number(lat.value), Number(lng.value)), true);
      } else if (outline.getBounds().isValid()) {
        map.fitBounds(outline.getBounds(), { padding: [12, 12] });
      }
      container.dataset.ready = 'true';
    })
    .catch(() => {
      status.textContent = '地図を読み込めませんでした。住所・目印の欄に場所を書いてください。';
    });
}());
