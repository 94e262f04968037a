package cn.fengxing.open311.api;

import jakarta.ws.rs.core.MediaType;

/** The formats GeoReport v2 resources come in, chosen by the path's extension ({@code services.xml}). */
public enum Open311Format {
    json("application/json"),
    xml("text/xml");

    /** The spec's media type; responses say charset=UTF-8 with it. */
    public final String mediaType;

    Open311Format(String mediaType) {
        this.mediaType = mediaType;
    }

    public MediaType contentType() {
        return MediaType.valueOf(mediaType).withCharset("UTF-8");
    }

    /** The format a path asks for: its extension; XML (the spec's required format) when it names none we serve. */
    public static Open311Format ofPath(String path) {
        return path.endsWith(".json") ? json : xml;
    }
}
