package cn.fengxing.region.service;

import cn.fengxing.region.api.Period;
import cn.fengxing.region.api.TownshipRef;
import cn.fengxing.tenancy.entity.Region;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the read model: the townships of a region, their counters for periods, and how fresh they are. */
@ApplicationScoped
public class TownshipFigures {

    @Inject
    TownshipFigureRefresher refresher;

    @Inject
    FigureRegistry registry;

    private static final String UNDER = "(r.path = :path or r.path like :prefix or :path = '')";

    /** Every township anywhere under the region, by region path then name. */
    @Transactional
    public List<TownshipRef> townships(String path) {
        List<TownshipRef> out = new ArrayList<>();
        for (Object row : Panache.getEntityManager().createNativeQuery("""
                        select t.code, t.name, t.name_en, r.path,
                               cast(t.settings #>> '{map,center,0}' as float8), cast(t.settings #>> '{map,center,1}' as float8)
                          from tenant t join region r on r.id = t.region_id
                         where %s order by r.path, t.name""".formatted(UNDER), Object[].class)
                .setParameter("path", path).setParameter("prefix", prefix(path)).getResultList()) {
            Object[] r = (Object[]) row;
            out.add(new TownshipRef((String) r[0], (String) r[1], (String) r[2], (String) r[3], number(r[4]), number(r[5])));
        }
        return out;
    }

    /**
     * Figure values (in the registry's order) per township code and period key, for the townships under the region
     * and the given periods. A row of another set of figures, not yet valued again, is valued from its counters.
     */
    @Transactional
    public Map<String, Map<String, List<Double>>> values(String path, List<Period> periods) {
        return decode(Panache.getEntityManager().createNativeQuery("""
                        select p.tenant_code, p.period, p.figures,
                               case when p.figure_set is distinct from :set then cast(p.counters as text) end
                          from township_period p join tenant t on t.code = p.tenant_code join region r on r.id = t.region_id
                         where %s and p.period in (:periods)""".formatted(UNDER), Object[].class)
                .setParameter("path", path).setParameter("prefix", prefix(path)).setParameter("set", registry.signature())
                .setParameter("periods", periods.stream().map(Period::key).distinct().toList()).getResultList());
    }

    /** Some figures of these townships for this year (on the regions' calendar), by code and key. */
    @Transactional
    public Map<String, Map<String, Double>> thisYear(Collection<String> codes, List<String> keys) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Period year = Period.year(LocalDate.now(RegionComparison.REGION_ZONE).getYear());
        Map<String, Map<String, List<Double>>> values = decode(Panache.getEntityManager().createNativeQuery("""
                        select p.tenant_code, p.period, p.figures,
                               case when p.figure_set is distinct from :set then cast(p.counters as text) end
                          from township_period p
                         where p.tenant_code in (:codes) and p.period = :period""", Object[].class)
                .setParameter("set", registry.signature()).setParameter("codes", codes)
                .setParameter("period", year.key()).getResultList());
        Map<String, Map<String, Double>> out = new HashMap<>();
        values.forEach((code, periods) -> {
            Map<String, Double> some = new HashMap<>();
            keys.forEach(k -> some.put(k, periods.get(year.key()).get(registry.indexOf(registry.figure("figure", k)))));
            out.put(code, some);
        });
        return out;
    }

    /** Rows of (code, period, stored values, counters when the values are of another figure set) by code and period. */
    private Map<String, Map<String, List<Double>>> decode(List<Object[]> rows) {
        Map<String, Map<String, List<Double>>> out = new HashMap<>();
        for (Object[] r : rows) {
            List<Double> values = r[3] != null ? registry.values(new Counters(refresher.read((String) r[3])))
                    : doubles((Object[]) r[2]);
            out.computeIfAbsent((String) r[0], c -> new HashMap<>()).put((String) r[1], values);
        }
        return out;
    }

    /** The time up to which the region's figures include every change: the oldest change not yet counted, or now. */
    @Transactional
    public OffsetDateTime dataAsOf(String path) {
        return (OffsetDateTime) Panache.getEntityManager().createNativeQuery("""
                        select coalesce(min(d.marked_at), now())
                          from township_day_dirty d join tenant t on t.code = d.tenant_code join region r on r.id = t.region_id
                         where %s""".formatted(UNDER), OffsetDateTime.class)
                .setParameter("path", path).setParameter("prefix", prefix(path)).getSingleResult();
    }

    private static String prefix(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + Region.SEPARATOR + "%";
    }

    private static List<Double> doubles(Object[] array) {
        List<Double> out = new ArrayList<>(array.length);
        for (Object item : array) {
            out.add(number(item));
        }
        return out;
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
