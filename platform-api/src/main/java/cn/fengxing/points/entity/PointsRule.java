package cn.fengxing.points.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What one action earns in the township 积分规则: points per award, caps per rider, whether an admin approves. */
@Entity
@Table(name = "points_rule")
public class PointsRule extends TenantEntity {

    public String action;

    public int points;

    @Column(name = "daily_cap")
    public Integer dailyCap;

    @Column(name = "monthly_cap")
    public Integer monthlyCap;

    @Column(name = "needs_approval")
    public boolean needsApproval;

    public boolean active = true;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public static Optional<PointsRule> byAction(String action) {
        return find("action", action).firstResultOptional();
    }

    /** Everything an admin or a manifest sets, comparable: tells a real change from a re-apply. */
    public List<Object> settable() {
        return Arrays.asList(points, dailyCap, monthlyCap, needsApproval, active);
    }
}
