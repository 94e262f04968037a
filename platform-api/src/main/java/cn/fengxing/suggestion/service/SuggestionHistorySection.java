package cn.fengxing.suggestion.service;

import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.identity.service.Members;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.suggestion.api.SuggestionHistoryEntry;
import cn.fengxing.suggestion.api.SuggestionState;
import cn.fengxing.suggestion.entity.Suggestion;
import cn.fengxing.tenancy.service.ManifestHistory;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import cn.fengxing.tenancy.service.TenantContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Manifest section {@code suggestionsHistory}: [{code, channel, rider (phone), category, text, daysAgo, time, answer,
 * answerHours, by, decision, note, decisionHours}], the suggestions riders raised earlier and how the township
 * answered them, imported once each by code (request id history:code, raised by the platform), oldest first. After
 * the riders and members it names.
 */
@ApplicationScoped
public class SuggestionHistorySection implements ManifestSection {

    static final String SOURCE = "history:";

    @Inject
    SectionReader reader;

    @Inject
    ManifestHistory history;

    @Inject
    Members members;

    @Inject
    TenantContext tenant;

    @Override
    public String key() {
        return "suggestionsHistory";
    }

    @Override
    public int order() {
        return 97;
    }

    @Override
    public List<String> apply(JsonNode section) {
        List<SuggestionHistoryEntry> entries = reader.list(key(), section, SuggestionHistoryEntry.class);
        Set<String> imported = new HashSet<>();
        Panache.getEntityManager().createQuery("select s.requestId from Suggestion s where s.raisedBy = :system "
                        + "and s.requestId like :prefix", String.class)
                .setParameter("system", Caller.SYSTEM).setParameter("prefix", SOURCE + "%").getResultList()
                .forEach(r -> imported.add(r.substring(SOURCE.length())));
        Map<String, Rider> riders = new HashMap<>();
        Set<String> staff = members.names(tenant.code()).keySet();
        return history.importNew(key(), entries, imported, "suggestions", (e, field, at, violations) -> {
            boolean forum = Suggestion.FORUM.equals(e.channel());
            if (e.rider() != null || !forum) {
                Rider rider = e.rider() == null ? null
                        : riders.computeIfAbsent(e.rider(), phone -> Rider.byPhone(phone).orElse(null));
                if (rider == null) {
                    violations.add(new Violation(field + ".rider", "manifest.history.rider", e.rider()));
                }
            }
            ManifestHistory.past(at, field + ".daysAgo", violations);
            boolean answered = e.answer() != null;
            if (answered != (e.answerHours() != null) || (e.decision() != null && !answered)
                    || (e.decision() != null) != (e.decisionHours() != null)
                    || ("not_adopted".equals(e.decision()) && e.note() == null)) {
                violations.add(new Violation(field, "manifest.history.suggestion-steps"));
                return;
            }
            if (answered) {
                ManifestHistory.past(answeredAt(e, at), field + ".answerHours", violations);
                if (e.by() == null || !staff.contains(e.by())) {
                    violations.add(new Violation(field + ".by", "manifest.history.member", e.by()));
                }
            }
            if (e.decision() != null) {
                ManifestHistory.past(decidedAt(e, at), field + ".decisionHours", violations);
            }
        }, (e, at) -> write(e, at, riders));
    }

    private static void write(SuggestionHistoryEntry e, OffsetDateTime at, Map<String, Rider> riders) {
        Suggestion s = new Suggestion();
        s.channel = e.channel() == null ? Suggestion.APP : e.channel();
        s.riderId = e.rider() == null ? null : riders.get(e.rider()).id;
        s.category = e.category().code();
        s.body = e.text();
        s.state = SuggestionState.received.code();
        s.raisedBy = Caller.SYSTEM;
        s.requestId = SOURCE + e.code();
        s.createdAt = at;
        if (e.answer() != null) {
            s.answer = e.answer();
            s.answeredBy = e.by();
            s.answeredAt = answeredAt(e, at);
            s.state = SuggestionState.answered.code();
        }
        if (e.decision() != null) {
            s.state = e.decision();
            s.decisionNote = e.note();
            s.decidedBy = e.by();
            s.decidedAt = decidedAt(e, at);
        }
        s.persist();
    }

    private static OffsetDateTime answeredAt(SuggestionHistoryEntry e, OffsetDateTime at) {
        return at.plusHours(e.answerHours());
    }

    private static OffsetDateTime decidedAt(SuggestionHistoryEntry e, OffsetDateTime at) {
        return answeredAt(e, at).plusHours(e.decisionHours());
    }
}
