package cn.fengxing.suggestion.service;

import cn.fengxing.region.service.DurationBuckets;
import cn.fengxing.region.service.Figure;
import cn.fengxing.region.service.Figure.Direction;
import cn.fengxing.region.service.Figure.Rollup;
import cn.fengxing.region.service.Figure.Section;
import cn.fengxing.region.service.Figure.Unit;
import cn.fengxing.region.service.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Suggestions 意见建议 in regional comparison. Like reports, each suggestion counts on the day it was received, as it
 * stands now (answered or not, and the hours it took, in fixed buckets so medians merge over any period); the
 * answers count again on the day they were given, so a township that clears old suggestions shows it.
 */
@ApplicationScoped
public class SuggestionFigureSource implements FigureSource {

    private static final String FACTS = """
            select (created_at at time zone :zone)::date, f.k, f.v
              from suggestion, lateral (values
                ('suggestions', 1),
                ('suggestions.answeredOfReceived', (answered_at is not null)::int),
                ('suggestions.answerHours.' || %s, (answered_at is not null)::int)
              ) f(k, v)
             where tenant_id = :tenant and created_at >= :start and created_at < :end and f.k is not null
            union all
            select (answered_at at time zone :zone)::date, 'suggestions.answered', 1
              from suggestion
             where tenant_id = :tenant and answered_at >= :start and answered_at < :end
            """.formatted(DurationBuckets.RESOLVE_HOURS.sql("extract(epoch from answered_at - created_at) / 3600"));

    @Override
    public int order() {
        return 80;
    }

    @Override
    public String facts() {
        return FACTS;
    }

    @Override
    public Kind kind(String counter) {
        return Kind.FLOW;
    }

    @Override
    public boolean owns(String counter) {
        return counter.startsWith("suggestions");
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                Figure.count("suggestions", Section.suggestions, Direction.higher, "suggestions"),
                Figure.count("suggestions.answered", Section.suggestions, Direction.higher, "suggestions.answered"),
                new Figure("suggestions.answerRate", Section.suggestions, Unit.share, Direction.higher, Rollup.median,
                        c -> c.share("suggestions.answeredOfReceived", "suggestions")),
                new Figure("suggestions.medianAnswerHours", Section.suggestions, Unit.hours, Direction.lower,
                        Rollup.median, c -> c.median("suggestions.answerHours.", DurationBuckets.RESOLVE_HOURS)));
    }
}
