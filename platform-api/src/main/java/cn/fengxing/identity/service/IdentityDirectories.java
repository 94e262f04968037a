package cn.fengxing.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/** The {@link IdentityDirectory} of the configured provider. */
public class IdentityDirectories {

    /** An OIDC provider the platform only verifies tokens of: no directory, staff named by e-mail or phone are invited. */
    static final IdentityDirectory NONE = new IdentityDirectory() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public Optional<String> find(Handle handle) {
            return Optional.empty();
        }

        @Override
        public Account findOrCreate(Handle handle, String displayName) {
            throw new IllegalStateException("no identity directory");
        }
    };

    @Produces
    @ApplicationScoped
    IdentityDirectory directory(IdentityConfig config,
                                @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer) {
        if (config.provider() == IdentityConfig.Provider.none) {
            return NONE;
        }
        // the issuer is <base>/realms/<realm>
        String iss = issuer.orElse("").replaceAll("/+$", "");
        int realms = iss.lastIndexOf("/realms/");
        String base = config.keycloak().url().orElse(realms < 0 ? iss : iss.substring(0, realms));
        String realm = config.keycloak().realm().orElse(realms < 0 ? "" : iss.substring(realms + "/realms/".length()));
        URI.create(base); // a malformed URL fails at start-up
        return new KeycloakDirectory(base, realm, config.keycloak().clientId(),
                config.keycloak().clientSecret().orElse(null));
    }
}
