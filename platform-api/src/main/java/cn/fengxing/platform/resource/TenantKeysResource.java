package cn.fengxing.platform.resource;

import cn.fengxing.identity.access.PublicAccess;
import cn.fengxing.tenancy.service.TenantKeys;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

@Path("/api/t/{tenant}/keys")
@Tag(name = "Township profile", description = "Display name, logo, colours and map of a township")
public class TenantKeysResource {

    @Inject
    TenantKeys keys;

    @GET
    @PublicAccess
    @Operation(summary = "Township public keys",
            description = "The JWK set that verifies the codes this township signs (rider codes, e-passes); a guard's "
                    + "phone keeps it to verify offline. No token needed.")
    public Map<String, Object> keys(@PathParam("tenant") String tenant) {
        return keys.publicKeys();
    }
}
