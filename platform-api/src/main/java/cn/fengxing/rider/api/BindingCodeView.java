package cn.fengxing.rider.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** A binding code as the admin sees it once, to hand to the rider. */
public record BindingCodeView(@Schema(example = "K7M2-QX9P") String code, OffsetDateTime expiresAt) {
}
