package cn.fengxing.points.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A reward 兑换物品 riders spend points on, collected at a station. */
@Entity
@Table(name = "points_reward")
public class Reward extends TenantEntity {

    public String code;

    public String name;

    public String description;

    public int cost;

    public int stock;

    @Column(name = "station_id")
    public long stationId;

    @Column(name = "collect_days")
    public int collectDays = 14;

    public boolean active = true;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public static Optional<Reward> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Everything an admin or a manifest sets, comparable: tells a real change from a re-apply. */
    public List<Object> settable() {
        return Arrays.asList(code, name, description, cost, stock, stationId, collectDays, active);
    }
}
