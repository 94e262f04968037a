package cn.fengxing.suggestion.service;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.photo.PhotoIntake;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.event.entity.Event;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.service.RiderCodes;
import cn.fengxing.suggestion.api.AnswerInput;
import cn.fengxing.suggestion.api.DecisionInput;
import cn.fengxing.suggestion.api.SuggestionCategory;
import cn.fengxing.suggestion.api.SuggestionInput;
import cn.fengxing.suggestion.api.SuggestionState;
import cn.fengxing.suggestion.api.SuggestionView;
import cn.fengxing.suggestion.entity.Suggestion;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Suggestions 意见建议: a rider raises one in the app (category, text, an optional photo), or staff record one
 * raised at a forum 恳谈会; the township answers (the duty desk or an admin: 已答复), then an admin decides whether
 * it is adopted 已采纳 or not 未采纳 (with a note the rider reads). Each step happens once, in that order: any other
 * is a 409 problem. A retry of a request (same request id, same person) gives back the suggestion it made.
 */
@ApplicationScoped
public class Suggestions {

    /** The outcome of raising one: the suggestion, and whether this request made it (not a retry). */
    public record Raised(SuggestionView suggestion, boolean created) {
    }

    @Inject
    RiderCodes riders;

    @Inject
    Caller caller;

    @Inject
    TenantContext tenant;

    @Inject
    PhotoIntake photos;

    @Inject
    SuggestionViews views;

    /** The suggestion this person's request made earlier, if it is a retry (no photo work for a retry). */
    @Transactional
    public Optional<SuggestionView> raisedBefore(String requestId) {
        return earlier(requestId).map(views::one);
    }

    /** The signed-in rider raises a suggestion in the app, with its (already checked) photo if any. */
    @Transactional
    public Raised raise(SuggestionCategory category, String text, String requestId,
                        List<PhotoIntake.Processed> processed) {
        Rider rider = riders.current();
        lockRequest(requestId);
        Optional<Suggestion> earlier = earlier(requestId);
        if (earlier.isPresent()) {
            // a retry that lost the race to its twin: the photo it brought is not kept
            throw new Retried(views.one(earlier.get()));
        }
        Suggestion s = fresh(Suggestion.APP, category, text, requestId);
        s.riderId = rider.id;
        if (!processed.isEmpty()) {
            PhotoIntake.Processed photo = processed.get(0);
            photos.write(processed);
            s.photoKey = photo.key();
            s.photoWidth = photo.width();
            s.photoHeight = photo.height();
        }
        s.persist();
        return new Raised(views.one(s), true);
    }

    /** Staff record a suggestion raised at a forum, for a rider of the township or for nobody named. */
    @Transactional
    public Raised record(SuggestionInput input) {
        if (input.riderId() != null && Rider.findByIdOptional(input.riderId()).isEmpty()) {
            throw ProblemException.invalid(List.of(new Violation("riderId", "suggestion.rider-unknown",
                    input.riderId())));
        }
        if (input.eventId() != null && Event.findByIdOptional(input.eventId()).isEmpty()) {
            throw ProblemException.invalid(List.of(new Violation("eventId", "suggestion.event-unknown",
                    input.eventId())));
        }
        lockRequest(input.requestId());
        Optional<Suggestion> earlier = earlier(input.requestId());
        if (earlier.isPresent()) {
            return new Raised(views.one(earlier.get()), false);
        }
        Suggestion s = fresh(Suggestion.FORUM, input.category(), input.text(), input.requestId());
        s.riderId = input.riderId();
        s.eventId = input.eventId();
        s.persist();
        return new Raised(views.one(s), true);
    }

    private Suggestion fresh(String channel, SuggestionCategory category, String text, String requestId) {
        Suggestion s = new Suggestion();
        s.channel = channel;
        s.category = category.code();
        s.body = text.strip();
        s.state = SuggestionState.received.code();
        s.raisedBy = caller.subject();
        s.requestId = requestId;
        return s;
    }

    /** Twin requests with one id queue here, so the second finds the first's suggestion instead of a key clash. */
    private void lockRequest(String requestId) {
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "suggestion:" + tenant.code() + ":" + caller.subject() + ":" + requestId)
                .getSingleResult();
    }

    private Optional<Suggestion> earlier(String requestId) {
        return Suggestion.find("raisedBy = ?1 and requestId = ?2", caller.subject(), requestId).firstResultOptional();
    }

    /** The signed-in rider's suggestions (raised in the app or recorded for them), newest first. */
    @Transactional
    public Page<SuggestionView> mine(int page, int size) {
        Rider rider = riders.current();
        var query = Suggestion.<Suggestion>find("riderId", Sort.descending("createdAt", "id"), rider.id);
        return new Page<>(views.of(query.page(page, size).list()), page, size, query.count());
    }

    /** Every suggestion of the township, newest first, by state and category. */
    @Transactional
    public Page<SuggestionView> list(SuggestionState state, SuggestionCategory category, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (state != null) {
            where.append(" and state = :state");
            params.and("state", state.code());
        }
        if (category != null) {
            where.append(" and category = :category");
            params.and("category", category.code());
        }
        var query = Suggestion.<Suggestion>find(where.toString(), Sort.descending("createdAt", "id"), params);
        return new Page<>(views.of(query.page(page, size).list()), page, size, query.count());
    }

    /** One suggestion: staff see every one, a rider only their own (404 otherwise, as for another township's). */
    @Transactional
    public SuggestionView get(long id) {
        return views.one(visible(id));
    }

    /** Its photo's JPEG (or thumbnail), with the same visibility; 404 when it has none. */
    @Transactional
    public byte[] photo(long id, boolean thumbnail) {
        Suggestion s = visible(id);
        if (s.photoKey == null) {
            throw ProblemException.notFound("suggestion.no-photo", id);
        }
        return photos.read(s.photoKey, thumbnail).orElseThrow(() -> ProblemException.notFound("suggestion.no-photo", id));
    }

    /** The township answers a suggestion it received (once: an answered one is a 409). */
    @Transactional
    public SuggestionView answer(long id, AnswerInput input) {
        Suggestion s = locked(id);
        if (!SuggestionState.received.code().equals(s.state)) {
            throw ProblemException.conflict("suggestion.answered-already");
        }
        s.answer = input.answer().strip();
        s.answeredBy = caller.subject();
        s.answeredAt = OffsetDateTime.now();
        s.state = SuggestionState.answered.code();
        return views.one(s);
    }

    /** An admin decides on an answered suggestion: adopted, or not adopted with a note (once). */
    @Transactional
    public SuggestionView decide(long id, DecisionInput input) {
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        if (!input.adopted() && note == null) {
            throw ProblemException.invalid(List.of(new Violation("note", "suggestion.note-required")));
        }
        Suggestion s = locked(id);
        if (SuggestionState.received.code().equals(s.state)) {
            throw ProblemException.conflict("suggestion.not-answered");
        }
        if (!SuggestionState.answered.code().equals(s.state)) {
            throw ProblemException.conflict("suggestion.decided-already");
        }
        s.state = (input.adopted() ? SuggestionState.adopted : SuggestionState.not_adopted).code();
        s.decisionNote = note;
        s.decidedBy = caller.subject();
        s.decidedAt = OffsetDateTime.now();
        return views.one(s);
    }

    private Suggestion visible(long id) {
        Suggestion s = Suggestion.<Suggestion>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("suggestion.unknown", id));
        if (!staff()) {
            Rider rider = riders.current();
            if (!rider.id.equals(s.riderId)) {
                throw ProblemException.notFound("suggestion.unknown", id);
            }
        }
        return s;
    }

    private boolean staff() {
        return caller.holdsIn(tenant.code(), Role.TENANT_ADMIN) || caller.holdsIn(tenant.code(), Role.DISPATCHER);
    }

    /** The suggestion locked for a step, so two answers at once cannot both pass. */
    private static Suggestion locked(long id) {
        return Suggestion.<Suggestion>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("suggestion.unknown", id));
    }

    /** A retry found its twin's suggestion inside the transaction: rolled back, answered with that suggestion. */
    public static final class Retried extends RuntimeException {
        public final transient SuggestionView suggestion;

        Retried(SuggestionView suggestion) {
            super(null, null, false, false);
            this.suggestion = suggestion;
        }
    }
}
