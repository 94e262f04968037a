package cn.fengxing.rider.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.common.secret.Secrets;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.rider.api.BindingCodeView;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.entity.RiderBindingCode;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Binding an imported rider (on the roster, never signed in) to a person. Knowing the phone is no
 * proof: the person needs a verified phone from the identity provider, the admin's one-time binding
 * code, or the admin's approval of their claim. Every binding is audited with its proof.
 */
@ApplicationScoped
public class RiderBinding {

    /** How a binding was proven, as the audit entry records it. */
    public enum Proof {
        verified_phone, code, approval
    }

    /** No 0/O or 1/I, so a code read aloud or copied by hand comes through. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    RiderMembership memberships;

    @Inject
    FengxingConfig config;

    /** A new code for an imported rider, replacing any earlier one; the code is shown this once. */
    @Transactional
    public BindingCodeView issue(long riderId) {
        Rider r = RiderService.require(riderId);
        if (r.subject != null || r.claimsRiderId != null) {
            throw ProblemException.conflict("rider.binding-code.registered", r.name);
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        RiderBindingCode c = RiderBindingCode.ofRider(r.id).orElseGet(RiderBindingCode::new);
        c.riderId = r.id;
        c.codeHash = Secrets.sha256Hex(code.toString());
        c.createdAt = OffsetDateTime.now();
        c.expiresAt = c.createdAt.plus(config.riders().bindingCodeTtl());
        c.attempts = 0;
        c.createdBy = caller.subject();
        c.persist();
        audit.record(tenant.code(), "rider.binding-code", String.valueOf(r.id),
                Map.of("name", r.name, "expiresAt", c.expiresAt.toString()));
        return new BindingCodeView(code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2), c.expiresAt);
    }

    /**
     * The caller's proof of being the imported rider: their verified phone, else the binding code they
     * entered (empty when they gave neither). A code that is wrong, expired or locked after too many
     * wrong tries is a 400; a wrong one counts against the rider's code, so neither this nor the caller's
     * transaction rolls back on it.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public Optional<Proof> proof(Rider imported, String entered) {
        if (caller.verifiedPhone().filter(imported.phone::equals).isPresent()) {
            return Optional.of(Proof.verified_phone);
        }
        if (entered == null || entered.isBlank()) {
            return Optional.empty();
        }
        RiderBindingCode c = RiderBindingCode.ofRider(imported.id).orElse(null);
        if (c == null || c.expiresAt.isBefore(OffsetDateTime.now()) || c.attempts >= config.riders().bindingCodeAttempts()) {
            throw invalidCode();
        }
        String normalised = entered.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (!MessageDigest.isEqual(Secrets.sha256Hex(normalised).getBytes(StandardCharsets.US_ASCII),
                c.codeHash.getBytes(StandardCharsets.US_ASCII))) {
            c.attempts++;
            throw invalidCode();
        }
        return Optional.of(Proof.code);
    }

    /**
     * Binds the imported rider to {@code subject}: drops the person's own claim (if they had one), ends
     * the other claims on the same rider, spends the rider's code and gives the rider role.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bind(Rider imported, Rider claim, String subject, Proof proof) {
        if (claim != null) {
            claim.delete();
            Rider.getEntityManager().flush(); // the subject moves to the imported rider
        }
        OffsetDateTime now = OffsetDateTime.now();
        imported.subject = subject;
        imported.updatedAt = now;
        memberships.sync(imported);
        Rider.update("status = ?1, updatedAt = ?2 where claimsRiderId = ?3 and status = ?4",
                Rider.LEFT, now, imported.id, Rider.PENDING);
        RiderBindingCode.delete("riderId", imported.id);
        audit.record(tenant.code(), "rider.bind", String.valueOf(imported.id),
                Map.of("name", imported.name, "proof", proof.name()));
    }

    private static ProblemException invalidCode() {
        return ProblemException.invalid(List.of(new Violation("bindingCode", "rider.binding-code.invalid")));
    }
}
