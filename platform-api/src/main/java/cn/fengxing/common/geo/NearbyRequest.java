package cn.fengxing.common.geo;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Where a rider stands (WGS84) and how many nearby places to return, for the "nearest …" lists. */
public class NearbyRequest {

    public static final int MAX_LIMIT = 50;

    @QueryParam("lon")
    @NotNull
    @DecimalMin("-180")
    @DecimalMax("180")
    @Parameter(description = "Longitude of the rider, WGS84")
    public Double lon;

    @QueryParam("lat")
    @NotNull
    @DecimalMin("-90")
    @DecimalMax("90")
    @Parameter(description = "Latitude of the rider, WGS84")
    public Double lat;

    @QueryParam("limit")
    @DefaultValue("10")
    @Min(1)
    @Max(MAX_LIMIT)
    @Parameter(description = "How many places, nearest first (default 10, at most 50)")
    public int limit;
}
