package cn.fengxing.pairing.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The township's alert rule: anomalous days in a row that raise an alert, and the time to follow up. */
@Entity
@Table(name = "pairing_settings")
public class PairingSettings extends TenantEntity {

    public static final int DEFAULT_STREAK_DAYS = 3;
    public static final int DEFAULT_FOLLOW_UP_MINUTES = 120;

    @Column(name = "streak_days")
    public int streakDays = DEFAULT_STREAK_DAYS;

    @Column(name = "follow_up_minutes")
    public int followUpMinutes = DEFAULT_FOLLOW_UP_MINUTES;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();
}
