package cn.fengxing.tenancy.service;

import cn.fengxing.tenancy.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs and verifies the township's JWS codes (ES256): a rider's personal code, e-passes. The key
 * pair is made on first use; the public half is published as a JWK set so that a guard's phone
 * can verify a code offline.
 */
@ApplicationScoped
public class TenantKeys {

    /** Signs the claims with the township's active key; the JWS names the township as issuer. */
    @Transactional
    public String sign(String tenantCode, JwtClaims claims) {
        try {
            SigningKey key = activeKey();
            claims.setIssuer(tenantCode);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(((EllipticCurveJsonWebKey) JsonWebKey.Factory.newJwk(key.privateJwk)).getPrivateKey());
            jws.setKeyIdHeaderValue(key.kid);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign with the township key", e);
        }
    }

    /**
     * The claims of a code this township signed, checked for signature, issuer and — unless
     * {@code allowExpired} — expiry. Throws {@link InvalidJwtException} otherwise.
     */
    @Transactional
    public JwtClaims verify(String tenantCode, String jws, boolean allowExpired) throws InvalidJwtException {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwkSet().getJsonWebKeys()))
                .setExpectedIssuer(tenantCode)
                .setSkipDefaultAudienceValidation()
                .setAllowedClockSkewInSeconds(60);
        if (allowExpired) {
            builder.setSkipAllValidators();
        }
        JwtConsumer consumer = builder.build();
        return consumer.processToClaims(jws);
    }

    /** The public keys of the township, as a JWK set (RFC 7517). */
    @Transactional
    public Map<String, Object> publicKeys() {
        activeKey();
        return Map.of("keys", SigningKey.<SigningKey>listAll().stream().map(k -> k.publicJwk).toList());
    }

    private JsonWebKeySet jwkSet() {
        activeKey();
        JsonWebKeySet set = new JsonWebKeySet();
        for (SigningKey k : SigningKey.<SigningKey>listAll()) {
            try {
                set.addJsonWebKey(JsonWebKey.Factory.newJwk(k.publicJwk));
            } catch (JoseException e) {
                throw new IllegalStateException("A stored public key is not a JWK", e);
            }
        }
        return set;
    }

    private SigningKey activeKey() {
        List<SigningKey> active = SigningKey.list("active", true);
        if (!active.isEmpty()) {
            return active.get(0);
        }
        try {
            EllipticCurveJsonWebKey jwk = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            jwk.setKeyId(UUID.randomUUID().toString());
            jwk.setUse("sig");
            jwk.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            SigningKey key = new SigningKey();
            key.kid = jwk.getKeyId();
            key.publicJwk = jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            key.privateJwk = jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
            key.persist();
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot make a township key pair", e);
        }
    }
}
