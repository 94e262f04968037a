package cn.fengxing.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Typed settings of the platform ({@code fengxing.*}). */
@ConfigMapping(prefix = "fengxing")
public interface FengxingConfig {

    Bootstrap bootstrap();

    Paging paging();

    Web web();

    /** What the web UI needs to sign people in. */
    interface Web {
        /** Issuer the browser signs in with; defaults to the API's own OIDC issuer. */
        Optional<String> oidcIssuer();

        /** Public OIDC client of the web UI (authorization code + PKCE). */
        @WithDefault("fengxing-web")
        String oidcClientId();
    }

    interface Bootstrap {
        /**
         * OIDC subjects granted platform_operator at start-up, so a new installation has someone
         * (a person or the tenant-admin client's service account) who can onboard districts.
         */
        Optional<List<String>> operators();
    }

    interface Paging {
        /** Hard maximum page size of every list endpoint. */
        @WithDefault("200")
        int maxSize();

        @WithDefault("50")
        int defaultSize();
    }
}
