import L from 'leaflet'
// Drawing and editing boundaries: loaded with the grids screen only.
import '@geoman-io/leaflet-geoman-free'
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css'
import { onBeforeUnmount, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type TenantMap from '../../components/TenantMap.vue'
import type { LonLat } from '../../geo/gcj02'
import { closedRings, mapPolygonCoordinates } from './geojson'

type MapView = InstanceType<typeof TenantMap>

/**
 * Drawing a new boundary or editing a stored one on the map (Leaflet-Geoman), and reading it back in
 * WGS84 as the API stores it. `mapView` gives the map component (display ↔ stored conversions).
 */
export function useBoundaryEditor(mapView: () => MapView | undefined) {
  const { locale } = useI18n()
  /** The boundary on the map being drawn or edited (display coordinates). */
  const editLayer = shallowRef<L.Polygon | null>(null)
  const drawing = ref(false)

  const leaflet = (): L.Map | null => mapView()?.leaflet() ?? null

  function stopDrawing(): void {
    const map = leaflet()
    map?.pm.disableDraw()
    map?.off('pm:create', onDrawn)
    drawing.value = false
  }

  function clear(): void {
    stopDrawing()
    editLayer.value?.remove()
    editLayer.value = null
  }

  function onDrawn(event: { layer: L.Layer }): void {
    stopDrawing()
    const layer = event.layer as L.Polygon
    layer.options.className = 'fx-editing'
    editLayer.value = layer
    layer.pm.enable({ allowSelfIntersection: false })
  }

  /** Starts drawing a new boundary on the map (replacing the one being edited). */
  function draw(): void {
    const map = leaflet()
    if (!map) return
    clear()
    map.pm.setLang(locale.value === 'en' ? 'en' : 'zh')
    map.on('pm:create', onDrawn)
    map.pm.enableDraw('Polygon', { snappable: true, allowSelfIntersection: false, pathOptions: { className: 'fx-editing' } })
    drawing.value = true
  }

  /** Puts a stored (WGS84) boundary on the map for editing. */
  function edit(boundary: GeoJSON.Geometry): void {
    const map = leaflet()
    const view = mapView()
    if (!map || !view) return
    clear()
    const layer = L.GeoJSON.geometryToLayer(
      { type: 'Feature', geometry: boundary, properties: {} },
      { coordsToLatLng: (c) => view.toDisplay([c[0]!, c[1]!]), style: () => ({ className: 'fx-editing' }) },
    ) as L.Polygon
    layer.addTo(map)
    layer.pm.enable({ allowSelfIntersection: false })
    editLayer.value = layer
    map.fitBounds(layer.getBounds(), { padding: [48, 48] })
  }

  /** The edited boundary back in WGS84, rings closed, as the API stores it. */
  function boundary(): GeoJSON.Polygon | GeoJSON.MultiPolygon | null {
    const view = mapView()
    const layer = editLayer.value
    if (!view || !layer) return null
    const geometry = layer.toGeoJSON(7).geometry
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return null
    const stored = mapPolygonCoordinates(geometry, ([lon, lat]: LonLat) => {
      const [x, y] = view.toStored(L.latLng(lat, lon))
      return [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7]
    })
    return closedRings(stored)
  }

  onBeforeUnmount(clear)
  return { editLayer, drawing, draw, edit, boundary, clear }
}
