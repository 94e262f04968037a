package cn.fengxing.report.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The assignee the routing rules propose for a report; the dispatcher may override it. */
public record RoutingProposal(
        @Schema(description = "False when no rule covers the category: the dispatcher chooses") boolean matched,
        @Schema(description = "The rule that matched; null when none") RoutingRuleView rule,
        @Schema(description = "How specific the match was: category+community, category, group+community or group")
        String matchedBy,
        @Schema(description = "Department with its contacts, for a department target") DepartmentView department,
        @Schema(description = "The assignee the server proposes: the rule's department (if active) or handler (if still "
                + "an active handler), or for grid_worker_of_grid the report's grid worker with the fewest open reports "
                + "assigned (then by name); null when no rule matched, no report grid is known, or nobody fits")
        Assignee assignee,
        @Schema(description = "The category asks for immediate escalation") boolean urgent,
        boolean emergencyStop,
        String hotlineText) {
}
