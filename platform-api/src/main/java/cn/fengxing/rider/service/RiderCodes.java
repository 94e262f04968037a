package cn.fengxing.rider.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.tenancy.service.TenantContext;
import cn.fengxing.tenancy.service.TenantKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * A rider's personal code: a short-lived JWS signed with the township key, shown as a QR code
 * and scanned by station keepers and merchants to log a visit or confirm a discount.
 */
@ApplicationScoped
public class RiderCodes {

    /** Minutes a shown code stays valid: long enough to scan, too short to pass around. */
    public static final int VALID_SECONDS = 600;
    static final String TYPE = "rider";

    @Inject
    TenantKeys keys;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    /** The signed-in caller's active rider record in this township. */
    @Transactional
    public Rider current() {
        Rider rider = Rider.bySubject(caller.subject())
                .orElseThrow(() -> ProblemException.notFound("rider.not-registered", tenant.code()));
        if (!Rider.ACTIVE.equals(rider.status)) {
            throw ProblemException.forbidden("rider.not-active", rider.status);
        }
        return rider;
    }

    /** A fresh personal code for the caller. */
    @Transactional
    public String issue() {
        Rider rider = current();
        JwtClaims claims = new JwtClaims();
        claims.setSubject(String.valueOf(rider.id));
        claims.setClaim("typ", TYPE);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(VALID_SECONDS / 60f);
        return keys.sign(tenant.code(), claims);
    }

    /** The active rider a scanned personal code belongs to; a bad, foreign or expired code is a 400 problem. */
    @Transactional
    public Rider verify(String code) {
        try {
            JwtClaims claims = keys.verify(tenant.code(), code, false);
            if (!TYPE.equals(claims.getClaimValueAsString("typ"))) {
                throw ProblemException.badRequest("rider.code-invalid");
            }
            Rider rider = Rider.<Rider>findByIdOptional(Long.parseLong(claims.getSubject()))
                    .orElseThrow(() -> ProblemException.badRequest("rider.code-invalid"));
            if (!Rider.ACTIVE.equals(rider.status)) {
                throw ProblemException.forbidden("rider.not-active", rider.status);
            }
            return rider;
        } catch (InvalidJwtException | MalformedClaimException | NumberFormatException e) {
            throw ProblemException.badRequest("rider.code-invalid");
        }
    }
}
