package cn.fengxing.audit.service;

import cn.fengxing.audit.api.ActorKind;
import cn.fengxing.audit.api.AuditEntryView;
import cn.fengxing.audit.entity.AuditEntry;
import cn.fengxing.common.paging.Like;
import cn.fengxing.common.paging.Page;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.entity.RegionGrant;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.identity.service.Members;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one township's audit trail. The audit log is platform data (no row-level security), so every
 * query here is filtered by the township explicitly.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    Members members;

    /**
     * Entries of the township, newest first. {@code action} matches an action or an action family
     * ("report.category" finds report.category.create, .update …); every filter is optional.
     */
    @Transactional
    public Page<AuditEntryView> search(String tenantCode, OffsetDateTime from, OffsetDateTime to, String action,
                                       String actor, int page, int size) {
        StringBuilder where = new StringBuilder("tenantCode = :tenant");
        Parameters params = Parameters.with("tenant", tenantCode);
        if (from != null) {
            where.append(" and at >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.append(" and at < :to");
            params.and("to", to);
        }
        if (action != null) {
            where.append(" and (action = :action or action like :family escape '\\')");
            params.and("action", action).and("family", Like.escape(action) + ".%");
        }
        if (actor != null) {
            where.append(" and actor = :actor");
            params.and("actor", actor);
        }
        var query = AuditEntry.find(where.toString(), Sort.descending("at").and("id", Sort.Direction.Descending), params);
        List<AuditEntry> entries = query.page(page, size).list();
        List<String> actors = entries.stream().map(e -> e.actor).distinct().toList();
        Map<String, String> names = members.namesOf(tenantCode, actors);
        Set<String> operators = operators(actors);
        return new Page<>(entries, page, size, query.count()).map(e -> new AuditEntryView(e.id, e.at, e.actor,
                names.get(e.actor), kind(e.actor, names, operators), e.action, e.target, e.details));
    }

    private static ActorKind kind(String actor, Map<String, String> names, Set<String> operators) {
        if (names.containsKey(actor)) {
            return ActorKind.member;
        }
        if (operators.contains(actor)) {
            return ActorKind.operator;
        }
        return actor == null || Caller.SYSTEM.equals(actor) ? ActorKind.system : ActorKind.other;
    }

    /** Those of {@code subjects} who hold platform_operator. */
    private static Set<String> operators(List<String> subjects) {
        if (subjects.isEmpty()) {
            return Set.of();
        }
        return RegionGrant.<RegionGrant>list("subject in ?1 and role = ?2", subjects, Role.PLATFORM_OPERATOR.code())
                .stream().map(g -> g.subject).collect(Collectors.toSet());
    }
}
