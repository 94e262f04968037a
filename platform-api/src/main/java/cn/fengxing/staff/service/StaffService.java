package cn.fengxing.staff.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.api.MemberView;
import cn.fengxing.identity.entity.Membership;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.identity.service.IdentityDirectory;
import cn.fengxing.identity.service.IdentityDirectory.Handle;
import cn.fengxing.identity.service.Members;
import cn.fengxing.staff.api.InviteResult;
import cn.fengxing.staff.api.StaffInvite;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A township admin's staff: invite people by username, phone or e-mail (their account found or created through the
 * {@link IdentityDirectory}, or an invitation that binds on their first sign-in), change their staff roles, remove
 * them. The rider role is the roster's (riders), never changed here. A township always keeps one tenant admin.
 */
@ApplicationScoped
public class StaffService {

    /** The roles a township admin gives and takes here. */
    public static final Set<Role> STAFF_ROLES = EnumSet.of(Role.DISPATCHER, Role.HANDLER, Role.STATION_KEEPER,
            Role.TENANT_ADMIN);

    @Inject
    Members members;

    @Inject
    IdentityDirectory directory;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    /** Staff role codes, sorted and distinct; a 400 problem for an unknown, regional or rider role. */
    public static List<String> staffRoles(Collection<String> codes) {
        TreeSet<String> roles = new TreeSet<>();
        for (String code : codes) {
            Role role = Role.tenantRole(code);
            if (!STAFF_ROLES.contains(role)) {
                throw ProblemException.badRequest("member.role-not-staff", code);
            }
            roles.add(role.code());
        }
        return List.copyOf(roles);
    }

    @Transactional
    public InviteResult invite(String tenant, StaffInvite invite) {
        List<String> roles = staffRoles(invite.roles());
        Handle handle = Handle.of(invite.username(), invite.phone(), invite.email());
        String name = invite.name().strip();
        if (!directory.available()) {
            if (handle.kind() == Handle.Kind.username) {
                throw ProblemException.badRequest("member.username-needs-directory");
            }
            boolean changed = members.invite(tenant, handle.kind() == Handle.Kind.email ? handle.value() : null,
                    handle.kind() == Handle.Kind.phone ? handle.value() : null, name, roles, caller.subject());
            if (changed) {
                audit.record(tenant, "member.invite", name, details("by", handle.kind().name(), "roles", roles,
                        "pending", true));
            }
            return new InviteResult(null, name, roles, true, null, null);
        }
        IdentityDirectory.Account account = directory.findOrCreate(handle, name);
        String subject = account.subject();
        List<String> before = members.find(tenant, subject).filter(m -> Membership.ACTIVE.equals(m.status))
                .map(m -> List.of(m.roles)).orElse(List.of());
        Membership m = members.grant(tenant, subject, name, roles);
        if (!before.equals(List.of(m.roles))) {
            audit.record(tenant, "member.invite", subject, details("by", handle.kind().name(), "roles", roles,
                    "pending", false));
        }
        return new InviteResult(subject, m.name, List.of(m.roles), false,
                account.created() ? handle.value() : null, account.oneTimePassword());
    }

    @Transactional
    public MemberView setRoles(String tenant, String subject, List<String> codes) {
        List<String> roles = staffRoles(codes);
        Membership m = staff(tenant, subject);
        TreeSet<String> now = new TreeSet<>(roles);
        Arrays.stream(m.roles).filter(r -> !isStaff(r)).forEach(now::add);
        String[] after = now.toArray(String[]::new);
        if (Arrays.equals(after, m.roles)) {
            return view(m);
        }
        if (holdsAdmin(m.roles) && !roles.contains(Role.TENANT_ADMIN.code())) {
            keepOneAdmin(tenant, subject);
        }
        audit.record(tenant, "member.roles", subject, details("from", List.of(m.roles), "to", List.of(after)));
        m.roles = after;
        return view(m);
    }

    @Transactional
    public void remove(String tenant, String subject) {
        Membership m = staff(tenant, subject);
        if (holdsAdmin(m.roles)) {
            keepOneAdmin(tenant, subject);
        }
        List<String> removed = Arrays.stream(m.roles).filter(StaffService::isStaff).toList();
        m.roles = Arrays.stream(m.roles).filter(r -> !isStaff(r)).toArray(String[]::new);
        if (m.roles.length == 0) {
            m.status = Membership.REVOKED;
        }
        audit.record(tenant, "member.remove", subject, details("roles", removed));
    }

    /** The subject's active membership holding a staff role; 404 otherwise. */
    private Membership staff(String tenant, String subject) {
        return members.find(tenant, subject)
                .filter(m -> Membership.ACTIVE.equals(m.status) && Arrays.stream(m.roles).anyMatch(StaffService::isStaff))
                .orElseThrow(() -> ProblemException.notFound("member.unknown"));
    }

    private void keepOneAdmin(String tenant, String subject) {
        if (members.lockAdmins(tenant).stream().noneMatch(s -> !s.equals(subject))) {
            throw ProblemException.conflict("member.last-admin");
        }
    }

    private static boolean holdsAdmin(String[] roles) {
        return Arrays.asList(roles).contains(Role.TENANT_ADMIN.code());
    }

    private static boolean isStaff(String code) {
        Role role = Role.of(code);
        return role != null && STAFF_ROLES.contains(role);
    }

    private static MemberView view(Membership m) {
        return new MemberView(m.subject, m.name, List.of(m.roles));
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
