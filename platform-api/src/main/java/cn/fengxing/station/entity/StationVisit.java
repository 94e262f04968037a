package cn.fengxing.station.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;

/** A rider's visit to a station, logged by a QR check-in either way. Tenant data. */
@Entity
@Table(name = "station_visit")
public class StationVisit extends PanacheEntityBase {

    /** The keeper scanned the rider's personal code. */
    public static final String KEEPER_SCAN = "keeper_scan";
    /** The rider scanned the station's poster code. */
    public static final String RIDER_SCAN = "rider_scan";

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "station_id")
    public Long stationId;

    @Column(name = "rider_id")
    public Long riderId;

    public OffsetDateTime at = OffsetDateTime.now();

    public String method;

    /** Subject of whoever scanned: the keeper or the rider. */
    @Column(name = "by_subject")
    public String bySubject;
}
