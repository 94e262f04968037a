package cn.fengxing.rider.service;

import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.rider.entity.Rider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The township's roster by phone, read once for a history section of the manifest (e-passes, visits, discount
 * uses): those name their rider by phone, and only an active rider gets a pass or scans a code.
 */
public final class HistoryRiders {

    private final Map<String, Rider> byPhone = new HashMap<>();

    public HistoryRiders() {
        Rider.<Rider>list("claimsRiderId is null").forEach(r -> byPhone.put(r.phone, r));
    }

    /** The active rider with this phone, else a violation of {@code field} and null. */
    public Rider active(String phone, String field, List<Violation> violations) {
        Rider r = byPhone.get(phone);
        if (r == null) {
            violations.add(new Violation(field, "manifest.history.rider", phone));
        } else if (!Rider.ACTIVE.equals(r.status)) {
            violations.add(new Violation(field, "manifest.history.rider-not-active", r.status));
            return null;
        }
        return r;
    }

    /** A rider found by {@link #active} before. */
    public Rider get(String phone) {
        return byPhone.get(phone);
    }
}
