// The asset map (Features/AssetMap). Leaflet draws the directory's items with a position as coloured circles, over the
// tile server of the setting, or over a plain background when there is none: the list beside the map carries everything,
// also without JavaScript. On the edit page a click on the map fills in the latitude and longitude fields.
(function () {
  'use strict';
  if (typeof window.L === 'undefined') { return; }
  var L = window.L;

  function base(element) {
    var map = L.map(element, { scrollWheelZoom: false });
    var tiles = element.getAttribute('data-tiles');
    if (tiles) {
      L.tileLayer(tiles, { attribution: element.getAttribute('data-attribution') || '', maxZoom: 19 }).addTo(map);
    } else {
      element.classList.add('wb-map--plain');
    }
    return map;
  }

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (className) { node.className = className; }
    return node;
  }

  var overview = document.getElementById('buurtkaart');
  if (overview) {
    var data = JSON.parse(document.getElementById('buurtkaart-punten').textContent);
    var map = base(overview);
    var markers = data.points.map(function (p) {
      var popup = document.createElement('div');
      popup.appendChild(text('strong', p.name));
      popup.appendChild(document.createElement('br'));
      popup.appendChild(text('span', p.category));
      if (p.address) { popup.appendChild(document.createElement('br')); popup.appendChild(text('span', p.address)); }
      return L.circleMarker([p.lat, p.lon], {
        radius: 9, color: '#ffffff', weight: 2, fillColor: p.colour, fillOpacity: 0.95, className: 'wb-marker'
      }).bindPopup(popup).bindTooltip(p.name).addTo(map);
    });
    if (markers.length > 0) {
      map.fitBounds(L.featureGroup(markers).getBounds().pad(0.15), { maxZoom: 17 });
    } else {
      map.setView(data.centre, 14);
    }
  }

  var picker = document.getElementById('plek-kiezen');
  if (picker) {
    var lat = document.getElementById('Latitude');
    var lon = document.getElementById('Longitude');
    var pickMap = base(picker);
    var marker = null;
    function read(input) { var v = parseFloat((input.value || '').replace(',', '.')); return isFinite(v) ? v : null; }
    function place(latlng) {
      if (marker) { marker.setLatLng(latlng); } else {
        marker = L.circleMarker(latlng, { radius: 10, color: '#ffffff', weight: 2, fillColor: '#1a5490', fillOpacity: 0.95 }).addTo(pickMap);
      }
    }
    var start = read(lat) !== null && read(lon) !== null ? [read(lat), read(lon)] : null;
    var centre = (picker.getAttribute('data-centre') || '51.985,5.915').split(',').map(Number);
    pickMap.setView(start || centre, start ? 16 : 14);
    if (start) { place(start); }
    pickMap.on('click', function (e) {
      lat.value = e.latlng.lat.toFixed(6);
      lon.value = e.latlng.lng.toFixed(6);
      place(e.latlng);
    });
  }
})();
