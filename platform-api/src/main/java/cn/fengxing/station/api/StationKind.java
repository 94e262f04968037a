package cn.fengxing.station.api;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Kinds of rest place (docs/product.md §3.4): station 驿站; e_station E站, a merchant or community office
 * that hangs the sign; fuel_point 小哥加油站; workers_home 职工之家.
 */
public enum StationKind {
    station, e_station, fuel_point, workers_home;

    @JsonValue
    public String code() {
        return name();
    }
}
