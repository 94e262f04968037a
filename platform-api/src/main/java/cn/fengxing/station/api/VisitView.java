package cn.fengxing.station.api;

import cn.fengxing.rider.api.RiderCard;

import java.time.OffsetDateTime;

/** A logged visit to a station. */
public record VisitView(long id, long stationId, String station, RiderCard rider, OffsetDateTime at, String method,
                        String by) {
}
