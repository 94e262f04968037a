package cn.fengxing.open311.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.secret.Secrets;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.open311.api.IssuedKey;
import cn.fengxing.open311.api.Open311KeyInput;
import cn.fengxing.open311.api.Open311KeyView;
import cn.fengxing.open311.entity.Open311Key;
import cn.fengxing.report.service.ReportActors;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The township's Open311 API keys: issued by its admin (the secret shown once, kept as a SHA-256 hash: it is
 * 256 random bits, so a plain hash cannot be guessed back), revoked, audited; and checked on every POST.
 */
@ApplicationScoped
public class Open311Keys {

    static final String PREFIX = "o311_";

    /** Characters of a key shown in lists: the prefix and six more. */
    private static final int SHOWN = PREFIX.length() + 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    ReportActors actors;

    @Inject
    AuditLog audit;

    /** Every key, valid and revoked, newest first. */
    @Transactional
    public Page<Open311KeyView> list(int page, int size) {
        var query = Open311Key.findAll(Sort.descending("createdAt").and("id", Sort.Direction.Descending));
        List<Open311Key> keys = query.page(page, size).list();
        Map<String, String> names = actors.memberNames();
        return new Page<>(keys, page, size, query.count()).map(k -> Open311KeyView.of(k, names));
    }

    @Transactional
    public IssuedKey issue(Open311KeyInput input) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Open311Key k = new Open311Key();
        k.name = input.name().strip();
        k.prefix = secret.substring(0, SHOWN);
        k.secretHash = Secrets.sha256Hex(secret);
        k.createdBy = caller.subject();
        k.persist();
        audit.record(tenant.code(), "open311.key.create", k.prefix, Map.of("name", k.name));
        return new IssuedKey(Open311KeyView.of(k, actors.memberNames()), secret);
    }

    /** Revokes the key at once (the next request with it is refused); revoking it again changes nothing. */
    @Transactional
    public Open311KeyView revoke(long id) {
        Open311Key k = Open311Key.<Open311Key>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("open311.key.unknown", String.valueOf(id)));
        if (k.revokedAt == null) {
            k.revokedAt = OffsetDateTime.now();
            k.revokedBy = caller.subject();
            audit.record(tenant.code(), "open311.key.revoke", k.prefix, Map.of("name", k.name));
        }
        return Open311KeyView.of(k, actors.memberNames());
    }

    /** The current township's valid key with this secret, noted as used; a 403 for a missing, unknown or revoked key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Open311Key verify(String secret) {
        if (secret == null) {
            throw ProblemException.forbidden("open311.api-key");
        }
        Open311Key k = Open311Key.<Open311Key>find("secretHash = ?1 and revokedAt is null", Secrets.sha256Hex(secret))
                .firstResult();
        if (k == null) {
            throw ProblemException.forbidden("open311.api-key");
        }
        k.lastUsedAt = OffsetDateTime.now();
        return k;
    }
}
