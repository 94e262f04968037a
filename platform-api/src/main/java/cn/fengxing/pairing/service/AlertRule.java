package cn.fengxing.pairing.service;

import cn.fengxing.grid.entity.Community;
import cn.fengxing.notification.api.NotificationKind;
import cn.fengxing.notification.service.Notifications;
import cn.fengxing.pairing.entity.Elder;
import cn.fengxing.pairing.entity.Pairing;
import cn.fengxing.pairing.entity.PairingAlert;
import cn.fengxing.pairing.entity.PairingSettings;
import cn.fengxing.pairing.entity.PairingVisit;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The alert rule 预警规则 of care pairing (docs/product.md): a pairing expects a look-in every township day from its
 * start to its end. A day's sign is its last visit's outcome: ok is fine, garbage not out and no answer are
 * anomalies, and a day without any visit is an anomaly once the day is over (a missing look-in is itself a sign). The
 * streak is the run of anomalous days ending at the latest counted day (today once it has a visit, else yesterday);
 * when it reaches the township's streak days an alert is raised — exactly once per elder and first day, however
 * many visits and sweeps evaluate at once (the database's unique key decides) — and while it goes on its last day
 * moves with it. A call for help (needs_help) raises an alert of its own at once.
 */
@ApplicationScoped
public class AlertRule {

    public static final String STREAK = "streak";
    public static final String NEEDS_HELP = "needs_help";
    public static final String OK = "ok";

    /** Anomalous days in a row, first to last (inclusive). */
    public record Streak(LocalDate from, LocalDate to) {
        public int days() {
            return (int) ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    @Inject
    Clock clock;

    @Inject
    TenantContext tenant;

    @Inject
    Notifications notifications;

    @Inject
    CommunityStaff staff;

    /**
     * The streak of a pairing from {@code start} to {@code end} (null: open) on township day {@code today}, given the
     * last visit's outcome of each day that had visits; empty when the latest counted day is fine.
     */
    public static Optional<Streak> streak(LocalDate start, LocalDate end, LocalDate today,
                                          Map<LocalDate, String> signs) {
        LocalDate latest = signs.containsKey(today) ? today : today.minusDays(1);
        if (end != null && end.isBefore(latest)) {
            latest = end;
        }
        LocalDate first = null;
        for (LocalDate day = latest; !day.isBefore(start); day = day.minusDays(1)) {
            if (OK.equals(signs.get(day))) {
                break;
            }
            first = day;
        }
        return first == null ? Optional.empty() : Optional.of(new Streak(first, latest));
    }

    /** The township's day now. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    public ZoneId zone() {
        return Tenant.zoneOf(tenant.code());
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The township's rule: its settings, or the defaults. */
    public PairingSettings settings() {
        return PairingSettings.<PairingSettings>findAll().firstResultOptional().orElseGet(PairingSettings::new);
    }

    /**
     * Evaluates the pairing's streak now, in the caller's transaction: raises its alert when the streak is long
     * enough and has none yet, or extends the open one. Whether an alert was raised.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean evaluate(Pairing pairing) {
        EntityManager em = Panache.getEntityManager();
        em.flush(); // the visit just recorded counts
        LocalDate today = today();
        Map<LocalDate, String> signs = new TreeMap<>();
        for (Object row : em.createNativeQuery("""
                        select distinct on (day) day, outcome from pairing_visit
                         where tenant_id = :tenant and elder_id = :elder and day between :from and :to
                         order by day, visited_at desc, id desc""", Object[].class)
                .setParameter("tenant", tenant.code()).setParameter("elder", pairing.elderId)
                .setParameter("from", pairing.startOn).setParameter("to", today).getResultList()) {
            Object[] r = (Object[]) row;
            signs.put(r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0], (String) r[1]);
        }
        Optional<Streak> streak = streak(pairing.startOn, pairing.endOn, today, signs);
        PairingSettings settings = settings();
        if (streak.isEmpty() || streak.get().days() < settings.streakDays) {
            return false;
        }
        Streak s = streak.get();
        OffsetDateTime now = now();
        Number raised = (Number) em.createNativeQuery("""
                        insert into pairing_alert (tenant_id, elder_id, pairing_id, reason, streak_from, streak_to,
                                                   raised_at, due_at)
                        values (:tenant, :elder, :pairing, 'streak', :from, :to, :now, :due)
                        on conflict (tenant_id, elder_id, streak_from) do nothing returning id""")
                .setParameter("tenant", tenant.code()).setParameter("elder", pairing.elderId)
                .setParameter("pairing", pairing.id).setParameter("from", s.from()).setParameter("to", s.to())
                .setParameter("now", now).setParameter("due", now.plusMinutes(settings.followUpMinutes))
                .getResultStream().findFirst().orElse(null);
        if (raised == null) {
            // the streak goes on: its alert (still open) covers the days since
            em.createNativeQuery("""
                            update pairing_alert set streak_to = :to
                             where tenant_id = :tenant and elder_id = :elder and streak_from = :from
                               and streak_to < :to and followed_up_at is null""")
                    .setParameter("tenant", tenant.code()).setParameter("elder", pairing.elderId)
                    .setParameter("from", s.from()).setParameter("to", s.to()).executeUpdate();
            return false;
        }
        notifyStaff(raised.longValue(), pairing.elderId, STREAK, s.days());
        return true;
    }

    /** A call for help: its own alert at once (one per visit). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean needsHelp(PairingVisit visit) {
        OffsetDateTime now = now();
        Number raised = (Number) Panache.getEntityManager().createNativeQuery("""
                        insert into pairing_alert (tenant_id, elder_id, pairing_id, reason, visit_id, raised_at, due_at)
                        values (:tenant, :elder, :pairing, 'needs_help', :visit, :now, :due)
                        on conflict (tenant_id, visit_id) do nothing returning id""")
                .setParameter("tenant", tenant.code()).setParameter("elder", visit.elderId)
                .setParameter("pairing", visit.pairingId).setParameter("visit", visit.id).setParameter("now", now)
                .setParameter("due", now.plusMinutes(settings().followUpMinutes))
                .getResultStream().findFirst().orElse(null);
        if (raised == null) {
            return false;
        }
        notifyStaff(raised.longValue(), visit.elderId, NEEDS_HELP, 1);
        return true;
    }

    /**
     * Escalates every alert of the township nobody followed up by its due time: marks it escalated (once; rows a
     * follow-up or another instance holds are left for the next pass) and tells the township's admins.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int escalateDue() {
        EntityManager em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Long> claimed = em.createNativeQuery("""
                        update pairing_alert set escalated_at = :now
                         where tenant_id = :tenant and id in (
                               select id from pairing_alert
                                where tenant_id = :tenant and followed_up_at is null and escalated_at is null
                                  and due_at <= :now
                                for update skip locked)
                        returning id""", Long.class)
                .setParameter("tenant", tenant.code()).setParameter("now", now()).getResultList();
        for (long id : claimed.stream().sorted().toList()) {
            PairingAlert a = PairingAlert.findById(id);
            em.refresh(a);
            Elder elder = Elder.findById(a.elderId);
            notifications.send(staff.admins(), NotificationKind.PAIRING_ALERT_ESCALATED,
                    params(elder, a.reason, days(a)), link(id), "pairing-alert-escalated:" + id);
        }
        return claimed.size();
    }

    /** The open pairings' streaks (days that passed without a look-in), each evaluated; how many alerts were raised. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int evaluateOpen() {
        LocalDate today = today();
        List<Pairing> open = Pairing.list("""
                startOn < ?1 and (endOn is null or endOn >= ?2)
                and elderId in (select e.id from Elder e where e.active = true) order by id""", today,
                today.minusDays(1));
        int raised = 0;
        for (Pairing p : open) {
            raised += evaluate(p) ? 1 : 0;
        }
        return raised;
    }

    static int days(PairingAlert a) {
        return a.streakFrom == null ? 1 : new Streak(a.streakFrom, a.streakTo).days();
    }

    static String link(long alertId) {
        return "/console/pairing/alerts/" + alertId;
    }

    private void notifyStaff(long alertId, long elderId, String reason, int days) {
        Elder elder = Elder.findById(elderId);
        notifications.send(staff.staffOf(elder.communityId), NotificationKind.PAIRING_ALERT,
                params(elder, reason, days), link(alertId), "pairing-alert:" + alertId);
    }

    /** What the message shows: the elder masked (the inbox is not an audited reveal), the community by name. */
    private static Map<String, String> params(Elder elder, String reason, int days) {
        Community community = Community.findById(elder.communityId);
        return Map.of("elder", ElderMasking.name(elder), "community", community == null ? "" : community.name,
                "reason", reason, "days", String.valueOf(days));
    }
}
