package cn.fengxing.points.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.Size;

/** An admin's note on approving or declining an award (a declined one tells the rider why). */
public record DecisionInput(@ReadableText @Size(max = 200) String note) {
}
