package cn.fengxing.open311.api;

import cn.fengxing.common.text.Text;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GeoReport v2 service request as a client posts it (application/x-www-form-urlencoded). Values are strings as
 * sent, blank ones read as absent; the service checks them. The spec's email, phone, device_id, account_id and
 * address_id are accepted and not kept: the requesting system keeps its people's contact details, and places
 * are given by lat/long.
 */
@Schema(name = "Open311RequestForm", description = "Also accepted and not kept: email, phone, device_id, "
        + "account_id, address_id")
public record ServiceRequestForm(
        @JsonProperty("jurisdiction_id") @Schema(description = "The township's code, if given") String jurisdictionId,
        @JsonProperty("api_key") @Schema(description = "A key the township issued", required = true) String apiKey,
        @JsonProperty("service_code") @Schema(required = true, example = "road-damage") String serviceCode,
        @Schema(description = "WGS84 latitude", required = true, example = "37.3605") String lat,
        @JsonProperty("long") @Schema(description = "WGS84 longitude", required = true, example = "111.1795") String lon,
        @JsonProperty("address_string") String addressString,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @Schema(description = "Up to 4000 characters; the service's name when absent") String description,
        @JsonProperty("media_url") @Schema(description = "A link to a photo (http or https)") String mediaUrl,
        @JsonProperty("attribute") @Schema(description = "attribute[code]=key for the service definition's attributes")
        Map<String, String> attributes) {

    private static final Pattern ATTRIBUTE = Pattern.compile("^attribute\\[(.+)]$");

    /**
     * Reads the form body. The spec makes every request UTF-8, whatever its content type says (clients often send
     * none, and the form default would be ISO-8859-1); a malformed %-escape is an IllegalArgumentException, a
     * value with the NUL character a 400 naming it.
     */
    public static ServiceRequestForm parse(byte[] body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = Text.requireNoNul(name,
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            if (!value.isBlank()) {
                values.putIfAbsent(name, value.strip()); // the first of repeated names, as form parameters go
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Matcher m = ATTRIBUTE.matcher(name);
            if (m.matches()) {
                attributes.put(m.group(1), value);
            }
        });
        return new ServiceRequestForm(values.get("jurisdiction_id"), values.get("api_key"), values.get("service_code"),
                values.get("lat"), values.get("long"), values.get("address_string"), values.get("first_name"),
                values.get("last_name"), values.get("description"), values.get("media_url"), attributes);
    }
}
