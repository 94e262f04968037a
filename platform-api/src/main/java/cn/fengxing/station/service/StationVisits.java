package cn.fengxing.station.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.rider.api.RiderCard;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.service.RiderCodes;
import cn.fengxing.station.api.VisitView;
import cn.fengxing.station.entity.Station;
import cn.fengxing.station.entity.StationVisit;
import cn.fengxing.tenancy.service.TenantContext;
import cn.fengxing.tenancy.service.TenantKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Scan-to-enter 扫码进站, both ways: the keeper scans the rider's personal code, or the rider scans
 * the station's poster code. Each logs a visit; a retry within {@link Scans#REPEAT_WINDOW} returns
 * the visit already logged.
 */
@ApplicationScoped
public class StationVisits {

    @Inject
    RiderCodes riderCodes;

    @Inject
    TenantKeys keys;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    Scans scans;

    /** The station's keeper (or an admin) scanned a rider's personal code. */
    @Transactional
    public Scans.Logged<VisitView> keeperScan(long stationId, String riderCode) {
        Station station = StationService.require(stationId);
        scans.requireKeeperOrAdmin(station.keeperSubject);
        return log(station, riderCodes.verify(riderCode), StationVisit.KEEPER_SCAN);
    }

    /** The signed-in rider scanned a station's poster code. */
    @Transactional
    public Scans.Logged<VisitView> riderScan(String stationCode) {
        Station station = Station.findById(stationIdOf(stationCode));
        if (station == null) {
            throw ProblemException.badRequest("station.code-invalid");
        }
        return log(station, riderCodes.current(), StationVisit.RIDER_SCAN);
    }

    private long stationIdOf(String code) {
        try {
            JwtClaims claims = keys.verify(tenant.code(), code, false);
            if (!StationService.CODE_TYPE.equals(claims.getClaimValueAsString("typ"))) {
                throw ProblemException.badRequest("station.code-invalid");
            }
            return Long.parseLong(claims.getSubject());
        } catch (InvalidJwtException | MalformedClaimException | NumberFormatException e) {
            throw ProblemException.badRequest("station.code-invalid");
        }
    }

    private Scans.Logged<VisitView> log(Station station, Rider rider, String method) {
        if (!station.active) {
            throw ProblemException.conflict("station.inactive", station.code);
        }
        return scans.<StationVisit>once(station,
                since -> StationVisit.find("stationId = ?1 and riderId = ?2 and at > ?3 order by at desc",
                        station.id, rider.id, since).firstResult(),
                () -> {
                    StationVisit visit = new StationVisit();
                    visit.stationId = station.id;
                    visit.riderId = rider.id;
                    visit.method = method;
                    visit.bySubject = caller.subject();
                    return visit;
                }).map(v -> new VisitView(v.id, station.id, station.name, RiderCard.of(rider), v.at, v.method,
                v.bySubject));
    }
}
