package cn.fengxing.merchant.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A partner merchant 骑手友好商家 offering riders a discount, possibly also an E站. Tenant data. */
@Entity
@Table(name = "merchant")
public class Merchant extends TenantEntity {

    public String code;

    public String name;

    public String category;

    public String address;

    public double lon;

    public double lat;

    public String discount;

    public String badge = "none";

    /** The E-station (kind e_station) the merchant also runs, if it hangs the sign. */
    @Column(name = "station_id")
    public Long stationId;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "keeper_subject")
    public String keeperSubject;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public static Optional<Merchant> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Everything an admin or a manifest can set, comparable: tells a real change from a re-apply. */
    public List<Object> settable() {
        return Arrays.asList(code, name, category, address, lon, lat, discount, badge, stationId, contactName,
                contactPhone, keeperSubject);
    }
}
