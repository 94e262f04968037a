package cn.fengxing.support;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

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

    /** A token with further claims, e.g. the profile's {@code name}, {@code given_name} and {@code family_name}. */
    public static String withClaims(String subject, Map<String, String> claims) {
        // the audience this API requires, as the test server's own tokens carry it (pom.xml)
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of(), subject, null,
                Set.of(System.getProperty("quarkus.test.oidc.token.audience")), claims);
    }
}
