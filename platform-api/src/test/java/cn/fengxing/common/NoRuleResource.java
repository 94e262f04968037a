package cn.fengxing.common;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint with no access annotation: it must be closed to everyone. */
@Path("/api/test/no-rule")
public class NoRuleResource {

    @GET
    public String open() {
        return "should never be returned";
    }
}
