package cn.fengxing.common;

import cn.fengxing.identity.access.SignedIn;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint that fails unexpectedly, to check the 500 problem response. */
@Path("/api/test/boom")
public class BoomResource {

    @GET
    @SignedIn
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }
}
