package cn.fengxing.station.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A rider's visit to a station, logged by a QR check-in either way. Tenant data. */
@Entity
@Table(name = "station_visit")
public class StationVisit extends TenantEntity {

    /** The keeper scanned the rider's personal code. */
    public static final String KEEPER_SCAN = "keeper_scan";
    /** The rider scanned the station's poster code. */
    public static final String RIDER_SCAN = "rider_scan";

    @Column(name = "station_id")
    public Long stationId;

    @Column(name = "rider_id")
    public Long riderId;

    public OffsetDateTime at = OffsetDateTime.now();

    public String method;

    /** Subject of whoever scanned: the keeper or the rider. */
    @Column(name = "by_subject")
    public String bySubject;

    /** The code of a row imported from the manifest's history; null for a live one. */
    @Column(name = "import_code")
    public String importCode;
}
