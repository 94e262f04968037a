package cn.fengxing.tenancy;

import cn.fengxing.support.TestTenants;
import cn.fengxing.tenancy.service.TenantKeys;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.fengxing.tenancy.service.TenantWork;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A township's signed codes verify with its own keys only, and its public key set carries no private part. */
@QuarkusTest
class TenantKeysTest {

    @Inject
    TenantKeys keys;

    @Inject
    TenantWork work;

    @BeforeEach
    void townships() {
        TestTenants.onboard("keys-a", 127.0, 30.0);
        TestTenants.onboard("keys-b", 128.0, 30.0);
    }

    private String sign(String tenant, int expiresInMinutes) {
        return work.inTenant(tenant, () -> {
            JwtClaims claims = new JwtClaims();
            claims.setSubject("rider-1");
            claims.setExpirationTimeMinutesInTheFuture(expiresInMinutes);
            return keys.sign(tenant, claims);
        });
    }

    private JwtClaims verify(String tenant, String jws, boolean allowExpired) {
        return work.inTenant(tenant, () -> {
            try {
                return keys.verify(tenant, jws, allowExpired);
            } catch (InvalidJwtException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        });
    }

    @Test
    void aCodeVerifiesInItsTownshipOnly() throws Exception {
        String code = sign("keys-a", 10);
        assertThat(verify("keys-a", code, false).getSubject()).isEqualTo("rider-1");
        assertThatThrownBy(() -> verify("keys-b", code, false)).isInstanceOf(IllegalArgumentException.class);
        String[] parts = code.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertThatThrownBy(() -> verify("keys-a", tampered, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExpiredCodeFailsUnlessTheCallerAsksToReadItAnyway() throws Exception {
        String expired = sign("keys-a", -5);
        assertThatThrownBy(() -> verify("keys-a", expired, false)).hasMessageContaining("no longer valid");
        JwtClaims claims = verify("keys-a", expired, true);
        assertThat(claims.getExpirationTime().isBefore(NumericDate.now())).isTrue();
    }

    @Test
    void thePublicKeySetIsOpenAndHoldsNoPrivateKey() {
        sign("keys-a", 10);
        List<Map<String, Object>> jwks = given().get("/api/t/keys-a/keys").then().statusCode(200)
                .extract().jsonPath().getList("keys");
        assertThat(jwks).hasSize(1);
        assertThat(jwks.get(0)).containsEntry("kty", "EC").containsEntry("crv", "P-256").doesNotContainKey("d");
        assertThat(given().get("/api/t/keys-b/keys").then().statusCode(200).extract().jsonPath().getString("keys[0].kid"))
                .isNotEqualTo(jwks.get(0).get("kid"));
    }
}
