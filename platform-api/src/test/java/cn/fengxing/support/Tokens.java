package cn.fengxing.support;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.Map;
import java.util.Set;

/** Bearer tokens signed by the OIDC test server, for any subject. */
public final class Tokens {

    /** Bootstrapped as platform operator in the test profile (fengxing.bootstrap.operators). */
    public static final String OPERATOR = "test-operator";

    private Tokens() {
    }

    public static String of(String subject) {
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of(), subject);
    }

    /**
     * A token that also carries these claims (e.g. a phone_number and phone_number_verified, or the profile's
     * name, given_name and family_name); its username is the subject, as in the test server's own tokens.
     */
    public static String withClaims(String subject, Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.subject(subject).preferredUserName(subject)
                .issuer("https://server.example.com").audience("fengxing-api");
        claims.forEach(builder::claim);
        return builder.jws().keyId("1").sign("privateKey.jwk");
    }
}
