package cn.fengxing.support;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

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
}
