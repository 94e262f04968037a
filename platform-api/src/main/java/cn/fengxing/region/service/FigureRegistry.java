package cn.fengxing.region.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every registered figure source and its figures, in display order. */
@ApplicationScoped
public class FigureRegistry {

    private final List<FigureSource> sources;
    private final Map<String, Figure> figures = new LinkedHashMap<>();

    @Inject
    public FigureRegistry(Instance<FigureSource> found) {
        sources = found.stream().sorted(Comparator.comparingInt(FigureSource::order)).toList();
        for (FigureSource source : sources) {
            for (Figure f : source.figures()) {
                if (figures.put(f.key(), f) != null) {
                    throw new IllegalStateException("Figure " + f.key() + " is registered twice");
                }
            }
        }
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

    FigureSource.Kind kind(String counter) {
        for (FigureSource s : sources) {
            if (s.owns(counter)) {
                return s.kind(counter);
            }
        }
        return FigureSource.Kind.FLOW;
    }
}
