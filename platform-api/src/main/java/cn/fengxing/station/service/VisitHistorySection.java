package cn.fengxing.station.service;

import cn.fengxing.station.api.VisitHistoryEntry;
import cn.fengxing.station.entity.Station;
import cn.fengxing.station.entity.StationVisit;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Manifest section {@code stationVisitHistory}: [{code, station (code), rider (phone), daysAgo, time, by}], riders'
 * earlier visits to the township's stations, each imported once by code as the keeper's scan of the rider's code
 * (ScanHistory). After the riders and stations it names.
 */
@ApplicationScoped
public class VisitHistorySection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    ScanHistory history;

    @Override
    public String key() {
        return "stationVisitHistory";
    }

    @Override
    public int order() {
        return 92;
    }

    @Override
    public List<String> apply(JsonNode section) {
        Map<String, ScanHistory.Place> stations = new HashMap<>();
        Station.<Station>listAll().forEach(s -> stations.put(s.code, new ScanHistory.Place(s.id, s.keeperSubject, s.active)));
        return history.apply(key(), reader.list(key(), section, VisitHistoryEntry.class), StationVisit.class,
                "station visits", "station", stations, "station.unknown", (e, at, station, rider) -> {
                    StationVisit visit = new StationVisit();
                    visit.stationId = station;
                    visit.riderId = rider.id;
                    visit.at = at;
                    visit.method = StationVisit.KEEPER_SCAN;
                    visit.bySubject = e.by();
                    visit.importCode = e.code();
                    return visit;
                });
    }
}
