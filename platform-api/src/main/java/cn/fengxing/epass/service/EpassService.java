package cn.fengxing.epass.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.epass.api.EpassInput;
import cn.fengxing.epass.api.EpassView;
import cn.fengxing.epass.api.EpassView.CommunityRef;
import cn.fengxing.epass.api.VerifyResult;
import cn.fengxing.epass.api.VerifyResult.Result;
import cn.fengxing.epass.entity.Epass;
import cn.fengxing.epass.entity.EpassCommunity;
import cn.fengxing.epass.entity.FriendlyCommunity;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.service.RiderCodes;
import cn.fengxing.tenancy.service.TenantContext;
import cn.fengxing.tenancy.service.TenantKeys;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * E-passes 电子通行证: issued by the tenant admin, shown by the rider as a QR code holding a JWS
 * signed with the township key (checkable offline with the public key set), verified online by
 * a guard, where a revocation shows at once.
 */
@ApplicationScoped
public class EpassService {

    static final String TYPE = "epass";

    @Inject
    TenantContext tenant;

    @Inject
    TenantKeys keys;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    RiderCodes riderCodes;

    @Transactional
    public EpassView issue(EpassInput input) {
        Rider rider = Rider.<Rider>findByIdOptional(input.riderId())
                .orElseThrow(() -> ProblemException.badRequest("rider.unknown", input.riderId()));
        if (!Rider.ACTIVE.equals(rider.status)) {
            throw ProblemException.badRequest("epass.rider-not-active", rider.status);
        }
        if (!input.validUntil().isAfter(input.validFrom())) {
            throw ProblemException.badRequest("epass.period");
        }
        if (input.validUntil().isAfter(input.validFrom().plusYears(1))) {
            throw ProblemException.badRequest("epass.too-long");
        }
        for (Long id : new LinkedHashSet<>(input.friendlyCommunityIds())) {
            if (FriendlyCommunity.findById(id) == null) {
                throw ProblemException.badRequest("friendly.unknown", id);
            }
        }
        Epass e = new Epass();
        e.riderId = rider.id;
        e.validFrom = input.validFrom();
        e.validUntil = input.validUntil();
        e.issuedBy = caller.subject();
        persist(e, input.friendlyCommunityIds());
        audit.record(tenant.code(), "epass.issue", e.id.toString(), Map.of("riderId", rider.id,
                "friendlyCommunityIds", List.copyOf(new LinkedHashSet<>(input.friendlyCommunityIds())),
                "validFrom", e.validFrom.toString(), "validUntil", e.validUntil.toString()));
        return views(List.of(e), false).get(0);
    }

    /** Stores a checked pass with the communities it opens. */
    static void persist(Epass e, Collection<Long> friendlyCommunityIds) {
        e.id = UUID.randomUUID();
        e.persist();
        for (Long id : new LinkedHashSet<>(friendlyCommunityIds)) {
            EpassCommunity c = new EpassCommunity();
            c.epassId = e.id;
            c.friendlyCommunityId = id;
            c.persist();
        }
    }

    @Transactional
    public Page<EpassView> list(Long riderId, String status, Long communityId, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (riderId != null) {
            where.append(" and riderId = :rider");
            params.and("rider", riderId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (communityId != null) {
            where.append(" and id in (select c.epassId from EpassCommunity c where c.friendlyCommunityId = :community)");
            params.and("community", communityId);
        }
        var query = Epass.find(where.toString(), Sort.by("issuedAt", Sort.Direction.Descending), params);
        List<Epass> items = query.page(page, size).list();
        return new Page<>(views(items, false), page, size, query.count());
    }

    @Transactional
    public EpassView revoke(UUID id, String reason) {
        Epass e = Epass.<Epass>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("epass.unknown", id));
        if (Epass.REVOKED.equals(e.status)) {
            throw ProblemException.conflict("epass.already-revoked");
        }
        e.status = Epass.REVOKED;
        e.revokedAt = OffsetDateTime.now();
        e.revokeReason = reason;
        audit.record(tenant.code(), "epass.revoke", e.id.toString(), Map.of("riderId", e.riderId, "reason", reason));
        return views(List.of(e), false).get(0);
    }

    /** The calling rider's own passes, newest first; each one not revoked carries its signed token. */
    @Transactional
    public Page<EpassView> mine(int page, int size) {
        Rider rider = riderCodes.current();
        var query = Epass.find("riderId", Sort.by("issuedAt", Sort.Direction.Descending), rider.id);
        return new Page<>(views(query.page(page, size).list(), true), page, size, query.count());
    }

    /**
     * Checks a scanned pass: the signature (this township's key), then the stored pass, so that a
     * revocation counts from the next online check. Anything not signed here is invalid.
     */
    @Transactional
    public VerifyResult verify(String token) {
        Epass e;
        try {
            // expiry is judged below, so an expired pass still names its rider
            JwtClaims claims = keys.verify(tenant.code(), token, true);
            if (!TYPE.equals(claims.getClaimValueAsString("typ")) || !tenant.code().equals(claims.getIssuer())
                    || claims.getJwtId() == null) {
                return VerifyResult.INVALID;
            }
            e = Epass.findById(UUID.fromString(claims.getJwtId()));
        } catch (InvalidJwtException | MalformedClaimException | IllegalArgumentException ex) {
            return VerifyResult.INVALID;
        }
        if (e == null) {
            return VerifyResult.INVALID;
        }
        EpassView v = views(List.of(e), false).get(0);
        return new VerifyResult(Result.valueOf(v.state()), v.riderName(),
                v.communities().stream().map(CommunityRef::name).toList(), v.validUntil());
    }

    /** Views of the passes with their rider and communities; tokens only for the rider's own list. */
    private List<EpassView> views(List<Epass> passes, boolean withToken) {
        if (passes.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = passes.stream().map(p -> p.id).toList();
        Map<UUID, List<CommunityRef>> communities = new HashMap<>();
        List<Object[]> rows = Epass.getEntityManager().createQuery("""
                        select c.epassId, f.id, f.code, f.name from EpassCommunity c, FriendlyCommunity f
                         where f.id = c.friendlyCommunityId and c.epassId in :ids order by f.code""", Object[].class)
                .setParameter("ids", ids).getResultList();
        for (Object[] r : rows) {
            communities.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new CommunityRef((Long) r[1], (String) r[2], (String) r[3]));
        }
        Map<Long, Rider> riders = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.now();
        List<EpassView> out = new ArrayList<>();
        for (Epass e : passes) {
            Rider rider = riders.computeIfAbsent(e.riderId, id -> Rider.findById(id));
            List<CommunityRef> refs = communities.getOrDefault(e.id, List.of());
            String token = withToken && !Epass.REVOKED.equals(e.status) ? token(e, rider, refs) : null;
            out.add(new EpassView(e.id, e.riderId, rider.name, refs, e.validFrom, e.validUntil, e.status,
                    state(e, now).code(), e.issuedBy, e.issuedAt, e.revokedAt, e.revokeReason, token));
        }
        return out;
    }

    private static Result state(Epass e, OffsetDateTime now) {
        if (Epass.REVOKED.equals(e.status)) {
            return Result.revoked;
        }
        if (now.isBefore(e.validFrom)) {
            return Result.not_yet_valid;
        }
        return now.isBefore(e.validUntil) ? Result.valid : Result.expired;
    }

    /** The pass as the rider shows it: typ, jti, sub, name, communities, nbf, exp; signed, issuer the township. */
    private String token(Epass e, Rider rider, List<CommunityRef> communities) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("typ", TYPE);
        claims.setJwtId(e.id.toString());
        claims.setSubject(String.valueOf(rider.id));
        claims.setClaim("name", rider.name);
        claims.setStringListClaim("communities", communities.stream().map(CommunityRef::name).toList());
        claims.setNotBefore(NumericDate.fromSeconds(e.validFrom.toEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(e.validUntil.toEpochSecond()));
        return keys.sign(tenant.code(), claims);
    }
}
