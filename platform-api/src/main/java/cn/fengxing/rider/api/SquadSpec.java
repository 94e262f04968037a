package cn.fengxing.rider.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A squad 小分队 as a manifest lists it: matched by name, serving a community (its code). */
public record SquadSpec(@ReadableText @NotBlank @Size(max = 100) String name,
                        @Size(max = 32) String community) {
}
