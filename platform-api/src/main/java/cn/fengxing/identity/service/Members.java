package cn.fengxing.identity.service;

import cn.fengxing.common.paging.Like;
import cn.fengxing.common.paging.Page;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.api.MemberView;
import cn.fengxing.identity.entity.Membership;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The members of one township, for the console's pickers (station keepers, grid workers, handlers).
 * Memberships are platform data (no row-level security), so every query names the township itself.
 */
@ApplicationScoped
public class Members {

    /** Active members of the township, by name then subject; {@code role} and {@code text} are optional filters. */
    @Transactional
    public Page<MemberView> search(String tenantCode, Role role, String text, int page, int size) {
        StringBuilder where = new StringBuilder("tenantCode = :tenant and status = :active");
        Parameters params = Parameters.with("tenant", tenantCode).and("active", Membership.ACTIVE);
        if (role != null) {
            where.append(" and array_contains(roles, :role)");
            params.and("role", role.code());
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(name) like :text escape '\\' or lower(subject) like :text escape '\\')");
            params.and("text", Like.containing(text));
        }
        var query = Membership.find(where.toString(),
                Sort.by("name", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST).and("subject"), params);
        List<Membership> members = query.page(page, size).list();
        return new Page<>(members, page, size, query.count())
                .map(m -> new MemberView(m.subject, m.name, List.of(m.roles)));
    }
}
