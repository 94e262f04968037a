package cn.fengxing.common.paging;

import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.common.problem.ProblemException;
import io.quarkus.arc.Arc;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Page/size query parameters, checked against the hard maximum. */
public class PageRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Parameter(description = "Zero-based page number")
    public int page;

    @QueryParam("size")
    @Parameter(description = "Page size (default 50, at most 200)")
    public Integer size;

    public int page() {
        if (page < 0) {
            throw ProblemException.badRequest("paging.page", page);
        }
        // queries skip page × size rows, an int
        if ((long) page * size() > Integer.MAX_VALUE) {
            throw ProblemException.badRequest("paging.page-too-far", page);
        }
        return page;
    }

    public int size() {
        FengxingConfig.Paging paging = Arc.container().instance(FengxingConfig.class).get().paging();
        int s = size == null ? paging.defaultSize() : size;
        if (s < 1 || s > paging.maxSize()) {
            throw ProblemException.badRequest("paging.size", s, paging.maxSize());
        }
        return s;
    }

    public int offset() {
        return page() * size();
    }
}
