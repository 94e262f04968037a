package cn.fengxing.region.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every registered figure source and its figures, in display order. */
@ApplicationScoped
public class FigureRegistry {

    private final List<FigureSource> sources;
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final String signature;

    @Inject
    public FigureRegistry(Instance<FigureSource> found) {
        sources = found.stream().sorted(Comparator.comparingInt(FigureSource::order)).toList();
        for (FigureSource source : sources) {
            for (Figure f : source.figures()) {
                if (figures.put(f.key(), f) != null) {
                    throw new IllegalStateException("Figure " + f.key() + " is registered twice");
                }
                index.put(f.key(), index.size());
            }
        }
        signature = sha256(String.join(",", figures.keySet()));
    }

    public List<FigureSource> sources() {
        return sources;
    }

    public List<Figure> figures() {
        return List.copyOf(figures.values());
    }

    /** The figure of a key, or a 400 naming {@code field}. */
    public Figure figure(String field, String key) {
        Figure f = key == null ? null : figures.get(key);
        if (f == null) {
            throw ProblemException.invalid(List.of(new Violation(field, "region.figure", String.valueOf(key))));
        }
        return f;
    }

    /** The figures of these keys in their order (all of them when none is named). */
    public List<Figure> figures(String field, List<String> keys) {
        return keys.isEmpty() ? figures() : keys.stream().map(k -> figure(field, k)).toList();
    }

    /** Names the registered figures and their order: the read model's stored values are in it (figure_set). */
    public String signature() {
        return signature;
    }

    /** The figure's place in {@link #figures()} and in every value list. */
    public int indexOf(Figure f) {
        return index.get(f.key());
    }

    /** Every figure's value from a period's counters, in order; null where there is nothing to measure. */
    public List<Double> values(Counters counters) {
        List<Double> out = new ArrayList<>(figures.size());
        figures.values().forEach(f -> out.add(value(f, counters)));
        return out;
    }

    /** The figure's value to 4 decimals: 0.1 ‰ of a share, far below what the table shows; keeps a province's table small. */
    private static Double value(Figure f, Counters counters) {
        Double v = f.value().apply(counters);
        return v == null ? null : Math.round(v * 10_000) / 10_000.0;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    FigureSource.Kind kind(String counter) {
        for (FigureSource s : sources) {
            if (s.owns(counter)) {
                return s.kind(counter);
            }
        }
        return FigureSource.Kind.FLOW;
    }
}
