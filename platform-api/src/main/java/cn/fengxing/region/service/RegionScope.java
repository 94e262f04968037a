package cn.fengxing.region.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.tenancy.entity.Region;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * What a regional grant covers: the granted region and everything under it, nothing else ('' is everywhere).
 * The one place the region endpoints check it.
 */
@ApplicationScoped
public class RegionScope {

    @Inject
    Caller caller;

    /** The caller's granted region paths (region viewers and platform operators). */
    public List<String> granted() {
        return caller.grants().stream()
                .filter(g -> Role.REGION_VIEWER.code().equals(g.role) || Role.PLATFORM_OPERATOR.code().equals(g.role))
                .map(g -> g.regionPath).distinct().toList();
    }

    public boolean covers(String path) {
        return granted().stream().anyMatch(g -> under(path, g));
    }

    /** The region at the path: 403 outside the caller's grants, 404 when no such region exists. */
    public Region require(String path) {
        if (path == null || path.isBlank()) {
            throw ProblemException.invalid(List.of(new Violation("region", "region.required")));
        }
        if (!covers(path)) {
            throw ProblemException.forbidden("region.outside", String.valueOf(path));
        }
        return Region.byPath(path).orElseThrow(() -> ProblemException.notFound("region.unknown", path));
    }

    /** Whether {@code path} is {@code region} or lies under it. */
    public static boolean under(String path, String region) {
        return region.isEmpty() || path.equals(region) || path.startsWith(region + Region.SEPARATOR);
    }
}
