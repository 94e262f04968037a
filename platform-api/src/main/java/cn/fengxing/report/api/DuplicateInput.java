package cn.fengxing.report.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The earlier report this one repeats. */
public record DuplicateInput(@NotNull Long of, @ReadableText @Size(max = 1000) String note) {
}
