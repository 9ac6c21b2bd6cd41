// The facility map of Pages/Register (the map page and a facility's page). Leaflet without a tile server:
// municipal networks (LGWAN) often reach no outside host, so the background is the tenant's boundary polygon
// served by this app. The page's tables carry the same information without JavaScript.
(function () {
  'use strict';

  const container = document.getElementById('facility-map');
  if (!container || !window.L) {
    return;
  }

  const data = container.dataset;
  const map = L.map(container, { zoomControl: false, attributionControl: false, minZoom: 4, maxZoom: 18, zoomSnap: 0.25 });
  L.control.zoom({ zoomInTitle: '拡大', zoomOutTitle: '縮小' }).addTo(map);
  map.setView([36.2, 138.3], 5);

  const boundaryStyle = { color: '#4d4d4d', weight: 2, fillColor: '#f4f1e8', fillOpacity: 1, className: 'boundary' };
  const markerStyle = { radius: 7, color: '#ffffff', weight: 2, fillColor: '#0017c1', fillOpacity: 0.9, className: 'facility-marker' };

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
      .then((response) => {
        if (!response.ok) {
          throw new Error(url + ': ' + response.status);
        }
        return response.json();
      });
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

  function pointsLayer(collection) {
    return L.geoJSON(collection, {
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, markerStyle),
      onEachFeature: (feature, layer) => layer.bindPopup(popup(feature.properties)),
    });
  }

  function singlePoint() {
    const marker = L.circleMarker([Number(data.lat), Number(data.lng)], markerStyle);
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
        map.setView([Number(data.lat), Number(data.lng)], 14);
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
