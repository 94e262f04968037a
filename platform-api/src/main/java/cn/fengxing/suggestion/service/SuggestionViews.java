package cn.fengxing.suggestion.service;

import cn.fengxing.event.entity.Event;
import cn.fengxing.identity.service.Members;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.suggestion.api.SuggestionCategory;
import cn.fengxing.suggestion.api.SuggestionState;
import cn.fengxing.suggestion.api.SuggestionView;
import cn.fengxing.suggestion.entity.Suggestion;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Suggestions as people read them: riders and staff by name (a list's names read in two queries), never ids of sign-ins. */
@ApplicationScoped
public class SuggestionViews {

    @Inject
    Members members;

    @Inject
    TenantContext tenant;

    public SuggestionView one(Suggestion s) {
        return of(List.of(s)).get(0);
    }

    public List<SuggestionView> of(List<Suggestion> suggestions) {
        Set<Long> riderIds = suggestions.stream().map(s -> s.riderId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, String> riders = riderIds.isEmpty() ? Map.of()
                : Rider.<Rider>list("id in ?1", riderIds).stream().collect(Collectors.toMap(r -> r.id, r -> r.name));
        Map<String, String> people = members.namesOf(tenant.code(), suggestions.stream()
                .flatMap(s -> Stream.of(Suggestion.FORUM.equals(s.channel) ? s.raisedBy : null, s.answeredBy,
                        s.decidedBy))
                .filter(Objects::nonNull).distinct().toList());
        Set<Long> eventIds = suggestions.stream().map(s -> s.eventId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, String> events = eventIds.isEmpty() ? Map.of()
                : Event.<Event>list("id in ?1", eventIds).stream().collect(Collectors.toMap(e -> e.id, e -> e.title));
        Function<String, String> name = subject -> subject == null ? null : people.get(subject);
        return suggestions.stream().map(s -> new SuggestionView(s.id, s.channel, SuggestionCategory.valueOf(s.category),
                s.body, SuggestionState.valueOf(s.state), s.riderId, s.riderId == null ? null : riders.get(s.riderId),
                s.eventId, s.eventId == null ? null : events.get(s.eventId), Suggestion.FORUM.equals(s.channel) ? name.apply(s.raisedBy) : null, s.photoKey != null,
                s.createdAt, s.answer, name.apply(s.answeredBy), s.answeredAt, s.decisionNote,
                name.apply(s.decidedBy), s.decidedAt)).toList();
    }
}
