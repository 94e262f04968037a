package cn.fengxing.region.api;

import cn.fengxing.common.problem.Messages;
import cn.fengxing.region.service.Figure;

import java.util.Locale;

/** A registered figure as people read it: its label and definition in the caller's language. */
public record FigureView(String key, Figure.Section section, Figure.Unit unit, Figure.Direction direction,
                         Figure.Rollup rollup, String label, String definition) {

    public static FigureView of(Figure f, Locale locale) {
        return new FigureView(f.key(), f.section(), f.unit(), f.direction(), f.rollup(),
                Messages.get(locale, "figure." + f.key()), Messages.get(locale, "figure." + f.key() + ".definition"));
    }
}
