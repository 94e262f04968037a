package cn.fengxing.suggestion.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The township's answer to a suggestion 答复, which the rider reads. */
public record AnswerInput(@NotBlank @ReadableText @Size(max = 1000) String answer) {
}
