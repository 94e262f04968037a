package cn.fengxing.report.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whom a proposal names: a handler (by subject) or a department (by code), with the name to show. */
public record Assignee(@Schema(description = "handler or department") String kind,
                       @Schema(description = "The handler's subject (kind handler)") String subject,
                       @Schema(description = "The department's code (kind department)") String department,
                       String name) {
}
