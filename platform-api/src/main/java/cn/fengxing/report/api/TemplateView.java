package cn.fengxing.report.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record TemplateView(ReportState state, String zh, String en,
                           @Schema(description = "The township changed this text; false means the built-in default")
                           boolean custom) {
}
