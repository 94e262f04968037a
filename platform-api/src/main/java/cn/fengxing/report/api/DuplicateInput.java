package cn.fengxing.report.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The earlier report this one repeats. */
public record DuplicateInput(@NotNull Long of, @Size(max = 1000) String note) {
}
