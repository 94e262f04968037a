package cn.fengxing.identity.service;

import cn.fengxing.common.paging.Like;
import cn.fengxing.common.paging.Page;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.api.MemberView;
import cn.fengxing.identity.entity.Invitation;
import cn.fengxing.identity.entity.Membership;
import jakarta.persistence.LockModeType;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one owner of membership lookups: who is a member of a township, whether they are active and hold
 * a role, their names, and the console's pickers (station keepers, grid workers, handlers). Memberships
 * are platform data (no row-level security), so every query names the township itself.
 */
@ApplicationScoped
public class Members {

    /** The subject's membership in the township, whatever its status. */
    public Optional<Membership> find(String tenantCode, String subject) {
        return subject == null ? Optional.empty()
                : Membership.<Membership>find("tenantCode = ?1 and subject = ?2", tenantCode, subject).firstResultOptional();
    }

    /** Whether the subject is an active member of the township holding the role. */
    public boolean holds(String tenantCode, String subject, Role role) {
        return find(tenantCode, subject)
                .filter(m -> Membership.ACTIVE.equals(m.status) && Arrays.asList(m.roles).contains(role.code()))
                .isPresent();
    }

    /** Names of the township's active members holding the role, by subject. */
    public Map<String, String> namesHolding(String tenantCode, Role role) {
        Map<String, String> names = new HashMap<>();
        Membership.<Membership>list("tenantCode = ?1 and status = ?2 and array_contains(roles, ?3)", tenantCode,
                Membership.ACTIVE, role.code()).forEach(m -> names.put(m.subject, m.name));
        return names;
    }

    /** Names of those of {@code subjects} who are (or were) members of the township and have a name, by subject. */
    public Map<String, String> namesOf(String tenantCode, Collection<String> subjects) {
        Map<String, String> names = new HashMap<>();
        List<String> wanted = subjects.stream().filter(Objects::nonNull).distinct().toList();
        if (!wanted.isEmpty()) {
            Membership.<Membership>list("tenantCode = ?1 and subject in ?2 and name is not null", tenantCode, wanted)
                    .forEach(m -> names.put(m.subject, m.name));
        }
        return names;
    }

    /** Names of all the township's members (also former ones), by subject. */
    public Map<String, String> names(String tenantCode) {
        Map<String, String> names = new HashMap<>();
        Membership.<Membership>list("tenantCode", tenantCode).forEach(m -> names.put(m.subject, m.name));
        return names;
    }

    /**
     * Gives the subject the role in the township (making them an active member, named {@code name} if new),
     * or takes it away (a member left without roles is revoked).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setRole(String tenantCode, String subject, String name, Role role, boolean hold) {
        Membership m = find(tenantCode, subject).orElse(null);
        if (m == null) {
            if (hold) {
                m = new Membership();
                m.tenantCode = tenantCode;
                m.subject = subject;
                m.name = name;
                m.roles = new String[] {role.code()};
                m.persist();
            }
            return;
        }
        boolean holds = Arrays.asList(m.roles).contains(role.code());
        if (hold && !holds) {
            m.roles = Stream.concat(Arrays.stream(m.roles), Stream.of(role.code())).sorted().toArray(String[]::new);
            m.status = Membership.ACTIVE;
        } else if (!hold && holds) {
            m.roles = Arrays.stream(m.roles).filter(r -> !r.equals(role.code())).toArray(String[]::new);
            if (m.roles.length == 0) {
                m.status = Membership.REVOKED;
            }
        }
    }

    /**
     * Makes the subject an active member holding {@code roles} besides those they hold (named {@code name} when new
     * or nameless); the roles they hold afterwards.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Membership grant(String tenantCode, String subject, String name, Collection<String> roles) {
        Membership m = find(tenantCode, subject).orElse(null);
        if (m == null) {
            m = new Membership();
            m.tenantCode = tenantCode;
            m.subject = subject;
            m.roles = new String[0];
        }
        TreeSet<String> held = new TreeSet<>(Membership.ACTIVE.equals(m.status) ? Arrays.asList(m.roles) : List.of());
        held.addAll(roles);
        m.roles = held.toArray(String[]::new);
        m.status = Membership.ACTIVE;
        if (m.name == null || m.name.isBlank()) {
            m.name = name;
        }
        m.persist();
        return m;
    }

    /** The township's active tenant admins, locked until the transaction ends (so two cannot demote each other). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> lockAdmins(String tenantCode) {
        return Membership.<Membership>find("tenantCode = ?1 and status = ?2 and array_contains(roles, ?3)", tenantCode,
                Membership.ACTIVE, Role.TENANT_ADMIN.code()).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .stream().map(m -> m.subject).toList();
    }

    /**
     * Invites whoever will sign in with this verified e-mail or phone (one of them) to the township's roles (added to
     * an earlier invitation's); whether anything changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean invite(String tenantCode, String email, String phone, String name, Collection<String> roles,
                          String invitedBy) {
        Invitation i = (email != null
                ? Invitation.<Invitation>find("tenantCode = ?1 and email = ?2", tenantCode, email)
                : Invitation.<Invitation>find("tenantCode = ?1 and phone = ?2", tenantCode, phone)).firstResult();
        if (i == null) {
            i = new Invitation();
            i.tenantCode = tenantCode;
            i.email = email;
            i.phone = phone;
            i.roles = new String[0];
            i.createdBy = invitedBy;
        }
        TreeSet<String> all = new TreeSet<>(Arrays.asList(i.roles));
        all.addAll(roles);
        String[] now = all.toArray(String[]::new);
        if (i.id != null && Arrays.equals(now, i.roles) && Objects.equals(name, i.name)) {
            return false;
        }
        i.roles = now;
        i.name = name;
        i.persist();
        return true;
    }

    /**
     * Turns the invitations of this verified e-mail or phone into the subject's memberships (on sign-in); the
     * townships it joined.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> bindInvitations(String subject, String email, String phone) {
        if (email == null && phone == null) {
            return List.of();
        }
        List<Invitation> invitations = Invitation.list("email = ?1 or phone = ?2", email == null ? "" : email,
                phone == null ? "" : phone);
        for (Invitation i : invitations) {
            grant(i.tenantCode, subject, i.name, Arrays.asList(i.roles));
            i.delete();
        }
        return invitations.stream().map(i -> i.tenantCode).toList();
    }

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
