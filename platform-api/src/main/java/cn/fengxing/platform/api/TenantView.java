package cn.fengxing.platform.api;

import cn.fengxing.tenancy.entity.Tenant;

import java.util.List;
import java.util.Map;

/**
 * A township as the platform lists it, with a few of its figures for this year from the read model (null before
 * it has counted any): riders enrolled, riders active in the last 30 days, reports filed.
 */
public record TenantView(String code, String name, String nameEn, String regionPath, String status, String timeZone,
                         Double ridersEnrolled, Double ridersActive, Double reports) {

    /** The figures the list shows. */
    public static final List<String> FIGURES = List.of("riders.enrolled", "riders.active", "reports");

    public static TenantView of(Tenant t, Map<String, Double> figures) {
        Map<String, Double> f = figures == null ? Map.of() : figures;
        return new TenantView(t.code, t.name, t.nameEn, t.region.path, t.status, t.timeZone,
                f.get("riders.enrolled"), f.get("riders.active"), f.get("reports"));
    }
}
