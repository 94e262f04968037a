package cn.fengxing.open311.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new Open311 API key: whom it is for. */
public record Open311KeyInput(
        @ReadableText @NotBlank @Size(max = 100) @Schema(description = "Who uses it; shown in the timeline of the reports it files",
                example = "12345 市民热线") String name) {
}
