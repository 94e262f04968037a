package cn.fengxing.suggestion.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Adopted 采纳 or not, with a note (required when not adopted: the rider learns why). */
public record DecisionInput(@NotNull Boolean adopted, @ReadableText @Size(max = 500) String note) {
}
