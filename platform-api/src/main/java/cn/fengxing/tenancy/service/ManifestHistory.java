package cn.fengxing.tenancy.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.tenancy.entity.Tenant;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.Session;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the manifest's history sections share (reportHistory, epassHistory, stationVisitHistory, discountUseHistory):
 * a township's earlier rows, each imported once by its code and never touched by later applies, dated a number of
 * days before the day the manifest is applied (so a demo's history always lies in the recent past) at a time of the
 * township's clock. Nothing is imported unless every new entry is sound; the new ones are written in one batch.
 */
@ApplicationScoped
public class ManifestHistory {

    /** An entry's time of day, hh:mm. */
    public static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    /** An entry of a history section: its code, and when it happened. */
    public interface Entry {
        String code();

        Integer daysAgo();

        String time();
    }

    /** A section's own checks of a new entry, named from {@code field} ("epassHistory[3]"), dated {@code at}. */
    @FunctionalInterface
    public interface Check<E> {
        void check(E entry, String field, OffsetDateTime at, List<Violation> violations);
    }

    /** Writes a checked new entry, dated {@code at}. */
    @FunctionalInterface
    public interface Write<E> {
        void write(E entry, OffsetDateTime at);
    }

    @Inject
    TenantContext tenant;

    /**
     * Imports the entries whose codes are not in {@code imported}: checks them all (codes listed once, each entry by
     * {@code check}), then writes them; returns one change line for them all ("+ 43 e-passes of history").
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends Entry> List<String> importNew(String key, List<E> entries, Set<String> imported, String what,
                                                    Check<E> check, Write<E> write) {
        // hundreds of rows in one transaction: write what the other sections did, then let the many lookups run
        // without dirty-checking the whole session first (rows are inserted as persisted)
        Session session = Panache.getEntityManager().unwrap(Session.class);
        session.flush();
        FlushMode mode = session.getHibernateFlushMode();
        session.setHibernateFlushMode(FlushMode.COMMIT);
        try {
            ZoneId zone = Tenant.zoneOf(tenant.code());
            LocalDate today = LocalDate.now(zone);
            List<Violation> violations = new ArrayList<>();
            Set<String> listed = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                E e = entries.get(i);
                String field = key + "[" + i + "]";
                if (!listed.add(e.code())) {
                    violations.add(new Violation(field + ".code", "manifest.history.duplicate-code", e.code()));
                }
                if (!imported.contains(e.code())) {
                    check.check(e, field, at(e, today, zone), violations);
                }
            }
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
            int added = 0;
            for (E e : entries) {
                if (!imported.contains(e.code())) {
                    write.write(e, at(e, today, zone));
                    added++;
                }
            }
            return added == 0 ? List.of() : List.of("+ " + added + " " + what + " of history");
        } finally {
            session.setHibernateFlushMode(mode);
        }
    }

    /** A violation of {@code field} if {@code at} lies after now: history is what already happened. */
    public static void past(OffsetDateTime at, String field, List<Violation> violations) {
        if (at.isAfter(OffsetDateTime.now())) {
            violations.add(new Violation(field, "manifest.history.future"));
        }
    }

    /** {@code daysAgo} days before today (the township's calendar) at {@code time}. */
    public OffsetDateTime daysAgo(int daysAgo, String time) {
        ZoneId zone = Tenant.zoneOf(tenant.code());
        return at(daysAgo, time, LocalDate.now(zone), zone);
    }

    private static OffsetDateTime at(Entry e, LocalDate today, ZoneId zone) {
        return at(e.daysAgo(), e.time(), today, zone);
    }

    private static OffsetDateTime at(int daysAgo, String time, LocalDate today, ZoneId zone) {
        return today.minusDays(daysAgo).atTime(LocalTime.parse(time)).atZone(zone).toOffsetDateTime();
    }
}
