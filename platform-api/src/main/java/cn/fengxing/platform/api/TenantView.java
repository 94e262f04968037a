package cn.fengxing.platform.api;

import cn.fengxing.tenancy.entity.Tenant;

/** A township as the platform lists it. */
public record TenantView(String code, String name, String nameEn, String regionPath, String status, String timeZone) {

    public static TenantView of(Tenant t) {
        return new TenantView(t.code, t.name, t.nameEn, t.region.path, t.status, t.timeZone);
    }
}
