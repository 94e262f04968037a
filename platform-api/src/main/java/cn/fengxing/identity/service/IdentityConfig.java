package cn.fengxing.identity.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The identity provider's user directory ({@code fengxing.identity.*}, see docs/architecture.md). */
@ConfigMapping(prefix = "fengxing.identity")
public interface IdentityConfig {

    /** keycloak: accounts are found and created through the admin REST API; none: any other OIDC provider. */
    @WithDefault("keycloak")
    Provider provider();

    Keycloak keycloak();

    enum Provider { keycloak, none }

    interface Keycloak {
        /** Keycloak's base URL, e.g. http://keycloak:8080; from {@code quarkus.oidc.auth-server-url} when absent. */
        Optional<String> url();

        /** The realm whose users are managed; from {@code quarkus.oidc.auth-server-url} when absent. */
        Optional<String> realm();

        /** Confidential client whose service account holds realm-management manage-users, view-users, query-users. */
        @WithDefault("fengxing-provisioner")
        String clientId();

        Optional<String> clientSecret();
    }
}
