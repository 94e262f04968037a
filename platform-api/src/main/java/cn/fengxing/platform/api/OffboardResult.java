package cn.fengxing.platform.api;

import java.util.Map;

/**
 * What offboarding deleted: the rows per table (tables with none included) and the files (report photos and
 * thumbnails) of the township.
 */
public record OffboardResult(String code, Map<String, Integer> rows, int files) {
}
