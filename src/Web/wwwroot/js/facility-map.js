// The facility maps of Pages/Register (the map page, a facility's カルテ) and the report detail page. Leaflet; the
// background tiles only when the deployment or the tenant configures a tile server (data-tiles), since municipal
// networks (LGWAN) often reach no outside host: otherwise the background is the tenant's boundary polygon served by
// this app. Markers are coloured by kind and carry the kind's first character; the page's legend and tables say the
// same in text, without JavaScript.
(function () {
  'use strict';

  const container = document.getElementById('facility-map');
  if (!container || !window.L) {
    return;
  }

  const data = container.dataset;
  const maxZoom = data.maxZoom ? Number(data.maxZoom) : 18;
  // Whole zoom levels with tiles: a fractional zoom scales the tiles and shows seams between them.
  const map = L.map(container, { zoomControl: false, attributionControl: Boolean(data.tiles), minZoom: 4, maxZoom: maxZoom, zoomSnap: data.tiles ? 1 : 0.25 });
  L.control.zoom({ zoomInTitle: '拡大', zoomOutTitle: '縮小' }).addTo(map);
  map.setView([36.2, 138.3], 5);

  const kinds = ['Building', 'Road', 'Bridge', 'Tunnel', 'WaterPipe', 'SewerPipe', 'Park', 'Other', 'Report'];

  // Leaflet writes the attribution as HTML: the tenant's text is escaped first.
  function escapeHtml(text) {
    const span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML;
  }

  if (data.tiles) {
    map.attributionControl.setPrefix(false);
    const tiles = L.tileLayer(data.tiles, { maxZoom: maxZoom, attribution: escapeHtml(data.attribution || ''), crossOrigin: false });
    tiles.on('tileload', () => { container.dataset.tilesLoaded = 'true'; });
    tiles.addTo(map);
  }

  const boundaryStyle = data.tiles
    ? { color: '#4d4d4d', weight: 2, fill: false, className: 'boundary' }
    : { color: '#4d4d4d', weight: 2, fillColor: '#f4f1e8', fillOpacity: 1, className: 'boundary' };

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
      .then((response) => {
        if (!response.ok) {
          throw new Error(url + ': ' + response.status);
        }
        return response.json();
      });
  }

  // The mark is the first character of the kind's name (the legend's), so colour is not the only cue.
  function icon(kind, markText, label) {
    const mark = document.createElement('span');
    mark.className = 'facility-marker-mark';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = markText || '?';
    const name = document.createElement('span');
    name.className = 'visually-hidden';
    name.textContent = label;
    const box = document.createElement('span');
    box.append(mark, name);
    return L.divIcon({ className: 'facility-marker kind-' + (kinds.includes(kind) ? kind : 'Other'), html: box.innerHTML, iconSize: [26, 26], iconAnchor: [13, 13] });
  }

  // Built as elements, not HTML strings: names are the tenant's own text.
  function popup(properties) {
    const box = document.createElement('div');
    const link = document.createElement('a');
    link.href = data.detail + encodeURIComponent(properties.code);
    link.textContent = properties.name;
    const note = document.createElement('div');
    note.textContent = properties.kind + '（' + properties.code + '）';
    box.append(link, note);
    return box;
  }

  function clusterIcon(cluster) {
    const count = document.createElement('span');
    count.textContent = String(cluster.getChildCount());
    const unit = document.createElement('span');
    unit.className = 'visually-hidden';
    unit.textContent = '件の施設（拡大して表示）';
    const box = document.createElement('span');
    box.append(count, unit);
    return L.divIcon({ className: 'facility-cluster', html: box.innerHTML, iconSize: [36, 36] });
  }

  function pointsLayer(collection) {
    const group = L.markerClusterGroup
      ? L.markerClusterGroup({ iconCreateFunction: clusterIcon, showCoverageOnHover: false, maxClusterRadius: 40 })
      : L.featureGroup();
    L.geoJSON(collection, {
      pointToLayer: (feature, latlng) => L.marker(latlng, { icon: icon(feature.properties.kindCode, feature.properties.kind.charAt(0), feature.properties.kind + ' ' + feature.properties.name), title: feature.properties.name }),
      onEachFeature: (feature, layer) => layer.bindPopup(popup(feature.properties)),
    }).eachLayer((layer) => group.addLayer(layer));
    return group;
  }

  function singlePoint() {
    const marker = L.marker([Number(data.lat), Number(data.lng)], { icon: icon(data.kind, data.mark, data.name), title: data.name });
    const label = document.createElement('span');
    label.textContent = data.name;
    marker.bindTooltip(label);
    return L.featureGroup([marker]);
  }

  function showFailure() {
    const message = document.createElement('p');
    message.className = 'field-error';
    message.setAttribute('role', 'status');
    message.textContent = '地図のデータを読み込めませんでした。施設の位置は表と一覧で確認できます。';
    container.insertAdjacentElement('afterend', message);
  }

  const requests = [getJson(data.boundary), data.facilities ? getJson(data.facilities) : Promise.resolve(null)];
  Promise.all(requests)
    .then(([boundary, facilities]) => {
      const outline = L.geoJSON(boundary, { style: boundaryStyle, interactive: false }).addTo(map);
      const points = (facilities ? pointsLayer(facilities) : singlePoint()).addTo(map);
      const bounds = outline.getBounds();
      if (data.lat) {
        map.setView([Number(data.lat), Number(data.lng)], Math.min(16, maxZoom));
      } else {
        if (points.getLayers().length > 0) {
          bounds.extend(points.getBounds());
        }
        if (bounds.isValid()) {
          map.fitBounds(bounds, { padding: [12, 12] });
        }
      }
      container.dataset.ready = 'true';
    })
    .catch(showFailure);
}());
