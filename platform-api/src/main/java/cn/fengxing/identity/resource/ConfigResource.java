package cn.fengxing.identity.resource;

import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.identity.access.PublicAccess;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/config")
@Tag(name = "Web UI", description = "Settings the web UI reads before anyone signs in")
public class ConfigResource {

    /** Where the browser signs in. */
    public record OidcSettings(String issuer, String clientId) {
    }

    public record WebConfig(OidcSettings oidc) {
    }

    @Inject
    FengxingConfig config;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String apiIssuer;

    @GET
    @PublicAccess
    @Operation(summary = "Web UI settings", description = "The OIDC issuer and public client the web UI signs in with. No token needed.")
    public WebConfig config() {
        return new WebConfig(new OidcSettings(config.web().oidcIssuer().orElse(apiIssuer), config.web().oidcClientId()));
    }
}
