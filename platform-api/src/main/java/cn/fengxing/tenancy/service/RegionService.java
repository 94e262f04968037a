package cn.fengxing.tenancy.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.tenancy.entity.Region;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Regions 省 › 市 › 县 exist as soon as a tenant names them. */
@ApplicationScoped
public class RegionService {

    /** The region at the end of this path, creating the missing levels. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Region ensure(List<String> names, List<String> changes) {
        if (names == null || names.isEmpty() || names.size() > 3) {
            throw ProblemException.badRequest("region.path");
        }
        Region parent = null;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty() || name.contains(Region.SEPARATOR)) {
                throw ProblemException.badRequest("region.path");
            }
            if (i > 0) {
                path.append(Region.SEPARATOR);
            }
            path.append(name);
            Region region = Region.byPath(path.toString()).orElse(null);
            if (region == null) {
                region = new Region();
                region.path = path.toString();
                region.name = name;
                region.level = (short) (i + 1);
                region.parentId = parent == null ? null : parent.id;
                region.persist();
                changes.add("+ region " + region.path);
            }
            parent = region;
        }
        return parent;
    }
}
