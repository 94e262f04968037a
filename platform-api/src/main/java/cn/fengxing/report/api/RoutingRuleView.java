package cn.fengxing.report.api;

public record RoutingRuleView(long id, long categoryId, String category, Long communityId, String community,
                              RuleLevel level, TargetKind target, String handler, String handlerName,
                              Long departmentId, String department) {
}
