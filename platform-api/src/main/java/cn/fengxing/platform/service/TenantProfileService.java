package cn.fengxing.platform.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.platform.api.TenantProfile;
import cn.fengxing.platform.api.TenantProfile.Branding;
import cn.fengxing.platform.api.TenantProfile.CoordinateSystem;
import cn.fengxing.platform.api.TenantProfile.MapSettings;
import cn.fengxing.tenancy.entity.Tenant;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Branding and map of a township, kept in its settings ({@code branding}, {@code map}); what is not
 * set falls back to the township's name and the platform defaults.
 */
@ApplicationScoped
public class TenantProfileService {

    static final String BRANDING = "branding";
    static final String MAP = "map";
    private static final String DEFAULT_COLOR = "#f5a623";
    private static final String DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    private static final String DEFAULT_ATTRIBUTION = "© OpenStreetMap contributors";

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Transactional
    public TenantProfile profile(String code) {
        Tenant t = TenantService.require(code);
        Map<String, Object> branding = section(t, BRANDING);
        Map<String, Object> map = section(t, MAP);
        return new TenantProfile(t.code, t.name, t.nameEn, t.timeZone,
                new Branding(text(branding, "displayName").orElse(t.name), text(branding, "logoUrl").orElse(null),
                        text(branding, "primaryColor").orElse(DEFAULT_COLOR)),
                new MapSettings(text(map, "tileUrl").orElse(DEFAULT_TILES),
                        text(map, "attribution").orElse(DEFAULT_ATTRIBUTION),
                        text(map, "coordinateSystem").map(CoordinateSystem::valueOf).orElse(CoordinateSystem.WGS84),
                        map.get("center") instanceof List<?> c ? c.stream().map(v -> ((Number) v).doubleValue()).toList()
                                : List.of(116.39, 39.91),
                        number(map, "zoom", 14), number(map, "maxZoom", 19)));
    }

    @Transactional
    public TenantProfile update(String code, TenantProfile.Settings settings) {
        Tenant t = TenantService.require(code);
        Map<String, Object> next = new HashMap<>(t.settings == null ? Map.of() : t.settings);
        next.put(BRANDING, json.convertValue(settings.branding(), new TypeReference<Map<String, Object>>() {
        }));
        next.put(MAP, json.convertValue(settings.map(), new TypeReference<Map<String, Object>>() {
        }));
        if (!next.equals(t.settings)) {
            audit.record(code, "tenant.branding", code, Map.of(BRANDING, next.get(BRANDING), MAP, next.get(MAP)));
            t.settings = next;
            t.updatedAt = OffsetDateTime.now();
        }
        return profile(code);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Tenant t, String name) {
        Object section = t.settings == null ? null : t.settings.get(name);
        return section instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Optional<String> text(Map<String, Object> section, String key) {
        return section.get(key) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private static int number(Map<String, Object> section, String key, int fallback) {
        return section.get(key) instanceof Number n ? n.intValue() : fallback;
    }
}
