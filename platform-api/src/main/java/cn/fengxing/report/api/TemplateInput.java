package cn.fengxing.report.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The message for one report state, in both languages; placeholders {category} {community} {handler} {note}. */
public record TemplateInput(@NotNull ReportState state,
                            @ReadableText @NotBlank @Size(max = 500) @Schema(example = "您反映的{category}问题已处理：{note}") String zh,
                            @ReadableText @NotBlank @Size(max = 500) @Schema(example = "Your report about {category} has been resolved: {note}")
                            String en) {
}
