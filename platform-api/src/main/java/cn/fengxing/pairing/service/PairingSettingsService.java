package cn.fengxing.pairing.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.pairing.api.PairingSettingsView;
import cn.fengxing.pairing.entity.PairingSettings;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Map;

/** The township's alert rule (pairing_settings); the defaults (3 days, 120 minutes) while it has no row. */
@ApplicationScoped
public class PairingSettingsService {

    @Inject
    TenantContext tenant;

    @Inject
    AuditLog audit;

    /** The rule in force: the township's row, or an unsaved one with the defaults. */
    @Transactional
    public PairingSettings current() {
        return PairingSettings.<PairingSettings>findAll().firstResultOptional().orElseGet(PairingSettings::new);
    }

    @Transactional
    public PairingSettingsView get() {
        PairingSettings s = current();
        return new PairingSettingsView(s.streakDays, s.followUpMinutes);
    }

    /** Sets the rule (one row per township, written under its lock so two admins saving at once both land). */
    @Transactional
    public PairingSettingsView put(PairingSettingsView input) {
        Panache.getEntityManager().createNativeQuery("""
                        INSERT INTO pairing_settings (tenant_id, streak_days, follow_up_minutes, updated_at)
                        VALUES (:tenant, :days, :minutes, now())
                        ON CONFLICT (tenant_id) DO UPDATE SET streak_days = excluded.streak_days,
                          follow_up_minutes = excluded.follow_up_minutes, updated_at = now()""")
                .setParameter("tenant", tenant.code()).setParameter("days", input.streakDays())
                .setParameter("minutes", input.followUpMinutes()).executeUpdate();
        audit.record(tenant.code(), "pairing.settings", null,
                Map.of("streakDays", input.streakDays(), "followUpMinutes", input.followUpMinutes()));
        return new PairingSettingsView(input.streakDays(), input.followUpMinutes());
    }
}
