package cn.fengxing.report.api;

/** Handling levels 分级处置: community 社区级 (grid worker with riders), department 部门级, urgent 紧急. */
public enum RuleLevel {
    community, department, urgent
}
