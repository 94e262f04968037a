package cn.fengxing.identity.service;

import cn.fengxing.identity.Role;
import cn.fengxing.identity.entity.Membership;
import cn.fengxing.identity.entity.RegionGrant;
import cn.fengxing.identity.entity.Invitation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The person or client behind the current request: the token subject, and their memberships and
 * regional grants from the platform database (loaded once per request).
 */
@RequestScoped
public class Caller {

    /** Actor recorded for work that no person started (start-up, scheduled jobs). */
    public static final String SYSTEM = "system";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    Members members;

    private Map<String, Set<Role>> tenantRoles;
    private List<RegionGrant> grants;

    /** Whether a valid token came with the request; a token that cannot be read at all is a 401 like a bad one. */
    public boolean signedIn() {
        try {
            return !identity.isAnonymous();
        } catch (AuthenticationFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            // quarkus-oidc fails on some malformed tokens ("Bearer ..") with a parser error instead of refusing them
            throw new AuthenticationFailedException(e);
        }
    }

    public String subject() {
        return signedIn() ? Objects.requireNonNullElse(token.getSubject(), identity.getPrincipal().getName()) : SYSTEM;
    }

    /** Roles per township of the active memberships, in code order. */
    public Map<String, Set<Role>> tenantRoles() {
        if (tenantRoles == null) {
            bindInvitations();
            tenantRoles = new LinkedHashMap<>();
            for (Membership m : Membership.activeOf(subject())) {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                Arrays.stream(m.roles).map(Role::of).filter(Objects::nonNull).forEach(roles::add);
                tenantRoles.put(m.tenantCode, roles);
            }
        }
        return tenantRoles;
    }

    /**
     * The caller's phone as a mainland mobile number (11 digits, without +86), when the identity provider
     * vouches for it ({@code phone_number} with {@code phone_number_verified} true); empty otherwise.
     */
    public Optional<String> verifiedPhone() {
        if (!signedIn() || !Boolean.TRUE.equals(booleanClaim("phone_number_verified"))) {
            return Optional.empty();
        }
        String phone = token.getClaim("phone_number");
        if (phone == null) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("[\\s()-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return digits.matches("1[0-9]{10}") ? Optional.of(digits) : Optional.empty();
    }

    /** The caller's e-mail address in lower case, when the identity provider vouches for it ({@code email_verified}). */
    public Optional<String> verifiedEmail() {
        if (!signedIn() || !Boolean.TRUE.equals(booleanClaim("email_verified"))) {
            return Optional.empty();
        }
        String email = token.getClaim("email");
        return email == null || email.isBlank() ? Optional.empty() : Optional.of(email.strip().toLowerCase());
    }

    /** Staff invited by the caller's verified e-mail or phone become members now (their first sign-in). */
    private void bindInvitations() {
        if (!signedIn()) {
            return;
        }
        String email = verifiedEmail().orElse(null);
        String phone = verifiedPhone().orElse(null);
        if (email == null && phone == null) {
            return;
        }
        QuarkusTransaction.joiningExisting().run(() -> {
            if (Invitation.count("email = ?1 or phone = ?2", email == null ? "" : email, phone == null ? "" : phone) > 0) {
                members.bindInvitations(subject(), email, phone);
            }
        });
    }

    private Boolean booleanClaim(String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonValue json) {
            return json == JsonValue.TRUE;
        }
        return value instanceof Boolean b ? b : null;
    }

    public List<RegionGrant> grants() {
        if (grants == null) {
            grants = RegionGrant.of(subject());
        }
        return grants;
    }

    /** Whether the caller is an active member of the township holding the role. */
    public boolean holdsIn(String tenantCode, Role role) {
        return tenantRoles().getOrDefault(tenantCode, Set.of()).contains(role);
    }

    public boolean isPlatformOperator() {
        return holds(Role.PLATFORM_OPERATOR);
    }

    public boolean holds(Role role) {
        return grants().stream().anyMatch(g -> role.code().equals(g.role));
    }
}
