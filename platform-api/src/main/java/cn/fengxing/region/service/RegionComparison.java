package cn.fengxing.region.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.region.api.Comparison;
import cn.fengxing.region.api.ComparisonRow;
import cn.fengxing.region.api.FigureValues;
import cn.fengxing.region.api.FigureView;
import cn.fengxing.region.api.Period;
import cn.fengxing.region.api.RegionNode;
import cn.fengxing.region.api.RegionRef;
import cn.fengxing.region.api.RegionRow;
import cn.fengxing.region.api.RegionTree;
import cn.fengxing.region.api.Standing;
import cn.fengxing.region.api.TownshipRef;
import cn.fengxing.region.api.TownshipTrend;
import cn.fengxing.region.api.Trend;
import cn.fengxing.tenancy.entity.Region;
import cn.fengxing.tenancy.entity.Tenant;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Regional comparison 区域对比 (docs/product.md §3.10) from the read model only: aggregates per township, never a
 * person or a report. Regions are checked against the caller's grants by RegionScope.
 */
@ApplicationScoped
public class RegionComparison {

    /** Regions compare on the platform's calendar; each township's days are still its own time zone's. */
    static final ZoneId REGION_ZONE = ZoneId.of(Tenant.DEFAULT_TIME_ZONE);

    /** Longest trend, in months. */
    static final int MAX_MONTHS = 60;

    @Inject
    FigureRegistry registry;

    @Inject
    TownshipFigures read;

    @Inject
    RegionScope scope;

    /** The granted regions with everything under them, and their townships. */
    @Transactional
    public RegionTree tree() {
        List<Region> all = Region.listAll(Sort.by("path"));
        Map<Long, List<Region>> children = new HashMap<>();
        all.forEach(r -> children.computeIfAbsent(r.parentId, k -> new ArrayList<>()).add(r));
        Map<String, List<TownshipRef>> townships = new HashMap<>();
        read.townships("").forEach(t -> townships.computeIfAbsent(t.regionPath(), k -> new ArrayList<>()).add(t));
        List<String> granted = scope.granted();
        List<RegionNode> roots = all.stream()
                .filter(r -> granted.contains(r.path) || (granted.contains("") && r.parentId == null))
                .filter(r -> granted.stream().noneMatch(g -> !g.equals(r.path) && !g.isEmpty() && RegionScope.under(r.path, g)))
                .map(r -> node(r, children, townships)).toList();
        return new RegionTree(read.dataAsOf(""), roots);
    }

    private static RegionNode node(Region r, Map<Long, List<Region>> children, Map<String, List<TownshipRef>> townships) {
        return new RegionNode(r.path, r.name, r.level,
                children.getOrDefault(r.id, List.of()).stream().map(c -> node(c, children, townships)).toList(),
                townships.getOrDefault(r.path, List.of()));
    }

    public List<FigureView> figures(Locale locale) {
        return registry.figures().stream().map(f -> FigureView.of(f, locale)).toList();
    }

    /** Every township under the region side by side for the period, against 环比 and 同比. */
    @Transactional
    public Comparison compare(String path, String periodKey, Locale locale) {
        Region region = scope.require(path);
        Period period = Period.parse("period", periodKey, LocalDate.now(REGION_ZONE));
        List<Figure> figures = registry.figures();
        List<TownshipRef> townships = read.townships(region.path);
        Map<String, Map<String, List<Double>>> values =
                read.values(region.path, List.of(period, period.previous(), period.lastYear()));
        // a year's 同比 is its 环比, the year before: sent once, as previous
        boolean lastYearApart = !period.lastYear().equals(period.previous());
        List<ComparisonRow> rows = new ArrayList<>();
        for (TownshipRef t : townships) {
            Map<String, List<Double>> own = values.get(t.code());
            rows.add(new ComparisonRow(t.code(), t.name(), t.nameEn(), t.regionPath(), of(own, period),
                    of(own, period.previous()), lastYearApart ? of(own, period.lastYear()) : null));
        }
        RegionRow regionRow = new RegionRow(rollUpList(figures, rows, ComparisonRow::values),
                rollUpList(figures, rows, ComparisonRow::previous),
                lastYearApart ? rollUpList(figures, rows, ComparisonRow::lastYear) : null);
        return new Comparison(new RegionRef(region.path, region.name, region.level), period, period.previous(),
                period.lastYear(), read.dataAsOf(region.path),
                figures.stream().map(f -> FigureView.of(f, locale)).toList(), rows, regionRow);
    }

    /** One figure by month, up to the month {@code to} (default this one), for each township under the region. */
    @Transactional
    public Trend trend(String path, String figureKey, String to, int months, Locale locale) {
        Region region = scope.require(path);
        Figure figure = registry.figure("figure", figureKey);
        List<Period> periods = months(to, months);
        Map<String, Map<String, List<Double>>> values = read.values(region.path, periods);
        int index = registry.indexOf(figure);
        List<Trend.TrendRow> rows = new ArrayList<>();
        for (TownshipRef t : read.townships(region.path)) {
            Map<String, List<Double>> own = values.get(t.code());
            rows.add(new Trend.TrendRow(t.code(), t.name(), t.nameEn(),
                    periods.stream().map(p -> of(own, p).get(index)).toList()));
        }
        List<Double> regionSeries = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            int month = i;
            regionSeries.add(rollUp(figure, rows.stream().map(r -> r.values().get(month)).toList()));
        }
        return new Trend(FigureView.of(figure, locale), periods.stream().map(Period::key).toList(),
                read.dataAsOf(region.path), rows, regionSeries);
    }

    /** The township against its county, city and province (those its region path has). */
    @Transactional
    public Standing standing(String tenantCode, String periodKey, Locale locale) {
        Tenant tenant = Tenant.<Tenant>findByIdOptional(tenantCode).orElseThrow();
        Period period = Period.parse("period", periodKey, LocalDate.now(Tenant.zoneOf(tenantCode)));
        List<Figure> figures = registry.figures();
        String province = tenant.region.path.split(Region.SEPARATOR)[0];
        List<TownshipRef> townships = read.townships(province);
        Map<String, Map<String, List<Double>>> all =
                read.values(province, List.of(period, period.previous(), period.lastYear()));
        Map<String, Map<String, Double>> values = new HashMap<>();
        townships.forEach(t -> values.put(t.code(), keyed(figures, of(all.get(t.code()), period))));
        Map<String, List<Double>> own = all.get(tenantCode);
        List<Standing.Level> levels = new ArrayList<>();
        for (Region level = tenant.region; level != null;
             level = level.parentId == null ? null : Region.findById(level.parentId)) {
            String path = level.path;
            List<Map<String, Double>> peers = townships.stream().filter(t -> RegionScope.under(t.regionPath(), path))
                    .map(t -> values.get(t.code())).toList();
            Map<String, Integer> ranks = new LinkedHashMap<>();
            Map<String, Double> medians = new LinkedHashMap<>();
            for (Figure f : figures) {
                ranks.put(f.key(), rank(f, values.get(tenantCode).get(f.key()), peers));
                medians.put(f.key(), median(peers.stream().map(v -> v.get(f.key())).toList()));
            }
            levels.add(new Standing.Level(path, level.name, level.level, peers.size(), ranks, medians));
        }
        return new Standing(period, read.dataAsOf(tenant.region.path),
                figures.stream().map(f -> FigureView.of(f, locale)).toList(),
                new FigureValues(values.get(tenantCode), keyed(figures, of(own, period.previous())),
                        keyed(figures, of(own, period.lastYear()))), levels);
    }

    /** One figure of the township by month. */
    @Transactional
    public TownshipTrend townshipTrend(String tenantCode, String figureKey, String to, int months, Locale locale) {
        Tenant tenant = Tenant.<Tenant>findByIdOptional(tenantCode).orElseThrow();
        Figure figure = registry.figure("figure", figureKey);
        List<Period> periods = months(to, months);
        Map<String, List<Double>> own = read.values(tenant.region.path, periods).get(tenantCode);
        return new TownshipTrend(FigureView.of(figure, locale), periods.stream().map(Period::key).toList(),
                periods.stream().map(p -> of(own, p).get(registry.indexOf(figure))).toList(),
                read.dataAsOf(tenant.region.path));
    }

    private static List<Period> months(String to, int months) {
        if (months < 1 || months > MAX_MONTHS) {
            throw ProblemException.invalid(List.of(new Violation("months", "region.months", MAX_MONTHS)));
        }
        YearMonth last;
        try {
            last = to == null || to.isBlank() ? YearMonth.now(REGION_ZONE) : YearMonth.parse(to);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(new Violation("to", "region.month", to)));
        }
        List<Period> out = new ArrayList<>();
        for (int i = months - 1; i >= 0; i--) {
            out.add(Period.month(last.minusMonths(i)));
        }
        return out;
    }

    /** A township's values for the period (those of no counters when the read model has none for it). */
    private List<Double> of(Map<String, List<Double>> periods, Period period) {
        List<Double> values = periods == null ? null : periods.get(period.key());
        return values != null ? values : registry.values(Counters.NONE);
    }

    private static Map<String, Double> keyed(List<Figure> figures, List<Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < figures.size(); i++) {
            out.put(figures.get(i).key(), values.get(i));
        }
        return out;
    }

    /** The region row of one of the rows' value lists: each figure rolled up over the townships. */
    private static List<Double> rollUpList(List<Figure> figures, List<ComparisonRow> rows,
                                           Function<ComparisonRow, List<Double>> list) {
        List<Double> out = new ArrayList<>(figures.size());
        double[] measured = new double[rows.size()];
        for (int i = 0; i < figures.size(); i++) {
            int n = 0;
            for (ComparisonRow r : rows) {
                Double v = list.apply(r).get(i);
                if (v != null) {
                    measured[n++] = v;
                }
            }
            out.add(rollUp(figures.get(i), measured, n));
        }
        return out;
    }

    private static Double rollUp(Figure f, List<Double> values) {
        double[] measured = measured(values);
        return rollUp(f, measured, measured.length);
    }

    /** The total or the median of the first {@code n} values (null when none is measured). */
    private static Double rollUp(Figure f, double[] values, int n) {
        if (n == 0) {
            return null;
        }
        if (f.rollup() == Figure.Rollup.median) {
            return median(values, n);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        return sum;
    }

    /** The median of the measured values (null when none is). */
    static Double median(List<Double> values) {
        double[] measured = measured(values);
        return measured.length == 0 ? null : median(measured, measured.length);
    }

    /** The median of the first {@code n} values, which it sorts. */
    private static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double[] measured(List<Double> values) {
        return values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    }

    /** 1 + the peers strictly better by the figure's direction; null when the township's value is not measured. */
    static Integer rank(Figure f, Double own, List<Map<String, Double>> peers) {
        if (own == null) {
            return null;
        }
        Comparator<Double> better = f.direction() == Figure.Direction.lower ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return 1 + (int) peers.stream().map(v -> v.get(f.key())).filter(Objects::nonNull)
                .filter(v -> better.compare(v, own) > 0).count();
    }
}
