package cn.fengxing.report.resource;

/** The OpenAPI tag shared by the report settings resources. */
final class ReportSettingsTag {

    static final String DESCRIPTION = "What snap-and-report 随手拍 reads from a township's configuration: categories, "
            + "departments 部门, routing rules 派单规则, SLA and the messages riders get";

    private ReportSettingsTag() {
    }
}
