// The residents' report form (Pages/Reports/Form): shows the chosen service's questions and notice, places a pin on
// a Leaflet map (the tenant's boundary, over the background tiles when the deployment or the tenant configures a tile
// server, as the other maps do: municipal networks often reach no outside host), places it at the device's position
// with 現在地 (navigator.geolocation), and suggests nearby open reports of the same service. The page's words come
// from its data-* attributes (Japanese or English). Without JavaScript the form still works: every service's questions
// are shown and the place is given as an address.
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
  const words = form.dataset;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (match, name) => (name in values ? values[name] : match));
  }

  // The error summary takes the focus, so a screen reader starts with what to correct (Digital Agency pattern).
  const summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
    // A link of the summary moves the focus to its field (a group: its first input), not only the view.
    summary.addEventListener('click', (event) => {
      const link = event.target.closest('a[href^="#"]');
      const target = link && document.getElementById(link.getAttribute('href').slice(1));
      if (!target) {
        return;
      }
      const field = target.matches('input, select, textarea') ? target : target.querySelector('input:not([type=hidden]), select, textarea');
      if (field) {
        event.preventDefault();
        target.scrollIntoView();
        field.focus();
      }
    });
  }

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
    nearby.append(text('h2', words.nearbyTitle));
    nearby.append(text('p', fill(words.nearbyText, { radius: result.radius })));
    const list = document.createElement('ul');
    for (const report of result.reports) {
      const item = document.createElement('li');
      const link = text('a', fill(words.nearbyItem, { id: report.id }));
      link.href = report.url;
      item.append(link, document.createTextNode(' (' + report.status + ', ' + report.requested + ', ' + report.metres + ' m)'));
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
  const data = container.dataset;
  const maxZoom = data.maxZoom ? Number(data.maxZoom) : 19;
  // Whole zoom levels with tiles: a fractional zoom scales the tiles and shows seams between them.
  const map = L.map(container, { zoomControl: false, attributionControl: Boolean(data.tiles), minZoom: 4, maxZoom: maxZoom, zoomSnap: data.tiles ? 1 : 0.25 });
  L.control.zoom({ zoomInTitle: '拡大 / Zoom in', zoomOutTitle: '縮小 / Zoom out' }).addTo(map);
  map.setView([36.2, 138.3], 5);

  if (data.tiles) {
    // Leaflet writes the attribution as HTML: the tenant's text is escaped first.
    const span = document.createElement('span');
    span.textContent = data.attribution || '';
    map.attributionControl.setPrefix(false);
    const tiles = L.tileLayer(data.tiles, { maxZoom: maxZoom, attribution: span.innerHTML, crossOrigin: false });
    tiles.on('tileload', () => { container.dataset.tilesLoaded = 'true'; });
    tiles.addTo(map);
  }
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
    status.textContent = fill(words.placed, { lat: lat.value, lng: lng.value });
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
    status.textContent = words.cleared;
    nearby.replaceChildren();
  });

  map.on('click', (event) => place(event.latlng, false));

  // 現在地: only where the browser can tell (and the page is a secure context); the resident is asked first.
  const locate = document.getElementById('locate');
  if (locate && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener('click', () => {
      status.textContent = words.locating;
      navigator.geolocation.getCurrentPosition(
        (position) => {
          place(L.latLng(position.coords.latitude, position.coords.longitude), true);
          status.textContent = fill(words.located, { lat: lat.value, lng: lng.value });
        },
        () => { status.textContent = words.locateFailed; },
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }

  fetch(container.dataset.boundary, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
    .then((response) => response.json())
    .then((boundary) => {
      const outline = L.geoJSON(boundary, {
        style: data.tiles
          ? { color: '#4d4d4d', weight: 2, fill: false, className: 'boundary' }
          : { color: '#4d4d4d', weight: 2, fillColor: '#f4f1e8', fillOpacity: 1, className: 'boundary' },
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
      status.textContent = words.mapFailed;
    });
}());
