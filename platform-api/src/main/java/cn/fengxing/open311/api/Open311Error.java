package cn.fengxing.open311.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One error as GeoReport v2 answers it (XML {@code errors/error}): the HTTP status and what went wrong. */
@Schema(name = "Open311Error")
public record Open311Error(int code, String description) {
}
