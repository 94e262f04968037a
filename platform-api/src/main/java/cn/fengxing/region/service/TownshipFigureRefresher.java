package cn.fengxing.region.service;

import cn.fengxing.region.api.Period;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantWork;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the read model of regional comparison up to date: the days that feature triggers marked are recomputed
 * from the township's own tables (under its row-level security), then every month, quarter and year from the
 * earliest of them to today. Runs every few seconds, so figures lag changes by well under a minute.
 */
@ApplicationScoped
public class TownshipFigureRefresher {

    private static final Logger LOG = Logger.getLogger(TownshipFigureRefresher.class);

    /** The longest window a level counter looks back over (30 days of activity, riders.active). */
    static final int WINDOW_DAYS = 30;
    /** Marks deleted per statement (a statement binds at most 32,767 values). */
    static final int DELETE_CHUNK = 10_000;
    /** Where a full rebuild starts counting. */
    static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

    @Inject
    FigureRegistry registry;

    @Inject
    TenantWork work;

    @Inject
    ObjectMapper json;

    /**
     * Townships with marked days, those the read model has never seen (after an upgrade, or a new one), and those
     * whose stored values are of another set of figures (a release that registers new ones).
     */
    @Scheduled(identity = "township-figures", every = "${fengxing.figures.refresh-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refreshPending() {
        for (String code : QuarkusTransaction.requiringNew().call(this::pending)) {
            try {
                work.inTenant(code, () -> refresh(code));
            } catch (RuntimeException e) { // one township's failure must not hold up the others
                LOG.errorf(e, "Figures of %s failed; its marks stay for the next pass", code);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> pending() {
        return em().createNativeQuery("""
                select code from tenant t
                 where exists (select 1 from township_day_dirty d where d.tenant_code = t.code)
                    or not exists (select 1 from township_period p where p.tenant_code = t.code)
                    or exists (select 1 from township_period p
                                where p.tenant_code = t.code and p.figure_set is distinct from :set)
                 order by code""", String.class).setParameter("set", registry.signature()).getResultList();
    }

    /** One township's pass, in the caller's tenant transaction: reads its marks, recomputes from the earliest, drops them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int refresh(String code) {
        // one pass per township at a time (the scheduler's and a caller's): the second waits, then finds no marks
        em().createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext('township-figures:' || :t))) l")
                .setParameter("t", code).getSingleResult();
        List<Long> ids = new ArrayList<>();
        List<LocalDate> marked = new ArrayList<>();
        for (Object row : em().createNativeQuery("select id, day from township_day_dirty where tenant_code = :t",
                Object[].class).setParameter("t", code).getResultList()) {
            Object[] r = (Object[]) row;
            ids.add(((Number) r[0]).longValue());
            marked.add(toDate(r[1]));
        }
        boolean seen = ((Number) em().createNativeQuery(
                "select count(*) from township_period where tenant_code = :t").setParameter("t", code)
                .getSingleResult()).longValue() > 0;
        LocalDate first = seen ? marked.stream().min(LocalDate::compareTo).orElse(null) : BEGINNING;
        LocalDate last = marked.stream().max(LocalDate::compareTo).orElse(first);
        revalue(code);
        if (first == null) {
            return 0;
        }
        recompute(code, first, last);
        // exactly the marks read: one a writer committed meanwhile stays for the next pass
        for (int i = 0; i < ids.size(); i += DELETE_CHUNK) {
            em().createNativeQuery("delete from township_day_dirty where id in (:ids)")
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + DELETE_CHUNK))).executeUpdate();
        }
        return marked.size();
    }

    /**
     * Recomputes the township's days from {@code first} to {@code last} (plus the window a level counter looks
     * back over, up to today), then its periods from the one holding {@code first} to today's.
     */
    void recompute(String code, LocalDate first, LocalDate last) {
        ZoneId zone = Tenant.zoneOf(code);
        LocalDate today = LocalDate.now(zone);
        LocalDate to = last.plusDays(WINDOW_DAYS - 1L);
        if (to.isAfter(today)) {
            to = last.isAfter(today) ? last : today;
        }
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        for (FigureSource source : registry.sources()) {
            for (Object row : facts(source.facts(), code, zone, first, to)) {
                Object[] r = (Object[]) row;
                long value = ((Number) r[2]).longValue();
                if (value != 0) {
                    days.computeIfAbsent(toDate(r[0]), d -> new TreeMap<>()).merge((String) r[1], value, Long::sum);
                }
            }
        }
        em().createNativeQuery("delete from township_day where tenant_code = :t and day between :a and :b")
                .setParameter("t", code).setParameter("a", first).setParameter("b", to).executeUpdate();
        for (var day : days.entrySet()) {
            em().createNativeQuery("insert into township_day (tenant_code, day, counters) values (:t, :d, cast(:c as jsonb))")
                    .setParameter("t", code).setParameter("d", day.getKey()).setParameter("c", write(day.getValue()))
                    .executeUpdate();
        }
        rollUp(code, first, today);
    }

    private static List<?> facts(String sql, String code, ZoneId zone, LocalDate from, LocalDate to) {
        Query q = em().createNativeQuery(sql, Object[].class);
        Map<String, Object> params = Map.of("tenant", code, "zone", zone.getId(), "from", from, "to", to,
                "start", from.atStartOfDay(zone).toOffsetDateTime(),
                "end", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        params.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                q.setParameter(name, value);
            }
        });
        return q.getResultList();
    }

    /** Every period from the one holding {@code first} to today's: flows summed, stocks to its end, levels at it. */
    void rollUp(String code, LocalDate first, LocalDate today) {
        TreeMap<LocalDate, Map<String, Long>> days = new TreeMap<>();
        for (Object row : em().createNativeQuery(
                        "select day, cast(counters as text) from township_day where tenant_code = :t and day <= :d",
                        Object[].class)
                .setParameter("t", code).setParameter("d", today).getResultList()) {
            Object[] r = (Object[]) row;
            days.put(toDate(r[0]), read((String) r[1]));
        }
        // a rebuild starts at the township's first counted day (today's periods when it has none yet)
        LocalDate from = !first.equals(BEGINNING) ? first : days.isEmpty() ? today : days.firstKey();
        List<Period> periods = new ArrayList<>();
        for (int kind = 0; kind < 3; kind++) {
            for (Period p = Period.holding(from).get(kind); !p.from().isAfter(today); p = next(p)) {
                periods.add(p);
            }
        }
        for (Period p : periods) {
            LocalDate end = p.to().isAfter(today) ? today : p.to();
            Map<String, Long> counters = new TreeMap<>();
            for (var day : days.headMap(end, true).entrySet()) {
                boolean inPeriod = !day.getKey().isBefore(p.from());
                boolean atEnd = day.getKey().equals(end);
                day.getValue().forEach((counter, value) -> {
                    boolean counts = switch (registry.kind(counter)) {
                        case FLOW -> inPeriod;
                        case STOCK -> true;
                        case LEVEL -> atEnd;
                    };
                    if (counts) {
                        counters.merge(counter, value, Long::sum);
                    }
                });
            }
            em().createNativeQuery("""
                            insert into township_period (tenant_code, period, counters, figures, figure_set, computed_at)
                            values (:t, :p, cast(:c as jsonb), cast(:f as float8[]), :s, now())
                            on conflict (tenant_code, period) do update set counters = excluded.counters,
                                   figures = excluded.figures, figure_set = excluded.figure_set,
                                   computed_at = excluded.computed_at""")
                    .setParameter("t", code).setParameter("p", p.key()).setParameter("c", write(counters))
                    .setParameter("f", array(registry.values(new Counters(counters))))
                    .setParameter("s", registry.signature()).executeUpdate();
        }
    }

    /** The township's periods whose values are of another set of figures, valued again from their counters. */
    void revalue(String code) {
        for (Object row : em().createNativeQuery("""
                        select period, cast(counters as text) from township_period
                         where tenant_code = :t and figure_set is distinct from :s""", Object[].class)
                .setParameter("t", code).setParameter("s", registry.signature()).getResultList()) {
            Object[] r = (Object[]) row;
            em().createNativeQuery("""
                            update township_period set figures = cast(:f as float8[]), figure_set = :s
                             where tenant_code = :t and period = :p""")
                    .setParameter("f", array(registry.values(new Counters(read((String) r[1])))))
                    .setParameter("s", registry.signature()).setParameter("t", code).setParameter("p", r[0])
                    .executeUpdate();
        }
    }

    /** A float8[] literal: {1.5,NULL,3} (values are finite numbers or null). */
    private static String array(List<Double> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(values.get(i) == null ? "NULL" : values.get(i).toString());
        }
        return out.append('}').toString();
    }

    private static Period next(Period p) {
        return Period.holding(p.to().plusDays(1)).get(p.kind().ordinal());
    }

    private static LocalDate toDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /** Streams the flat object of counters (a province's comparison reads thousands of them per request). */
    Map<String, Long> read(String counters) {
        Map<String, Long> out = new HashMap<>();
        try (JsonParser parser = json.getFactory().createParser(counters)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("Counters in the read model are not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                out.put(key, parser.getLongValue());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable counters in the read model", e);
        }
    }

    private String write(Map<String, Long> counters) {
        try {
            return json.writeValueAsString(counters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
