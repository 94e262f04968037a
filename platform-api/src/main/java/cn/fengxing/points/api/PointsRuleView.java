package cn.fengxing.points.api;

import cn.fengxing.points.entity.PointsRule;

/** A township's rule for one action; {@code configured} false: the action earns nothing here yet. */
public record PointsRuleView(PointsAction action, boolean configured, int points, Integer dailyCap, Integer monthlyCap,
                             boolean needsApproval, boolean active) {

    public static PointsRuleView of(PointsRule r) {
        return new PointsRuleView(PointsAction.of(r.action), true, r.points, r.dailyCap, r.monthlyCap, r.needsApproval,
                r.active);
    }

    public static PointsRuleView unset(PointsAction action) {
        return new PointsRuleView(action, false, 0, null, null, false, false);
    }
}
