package cn.fengxing.station.service;

import cn.fengxing.region.service.CountFigureSource;
import cn.fengxing.region.service.Figure.Section;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Stations 驿站 in regional comparison: the open ones by kind and by grade (the township's first, second and third
 * grade, whatever it calls them: grades are its own), counted from the day they were added, and riders' visits.
 */
@ApplicationScoped
public class StationFigureSource extends CountFigureSource {

    static final List<String> KINDS = List.of("station", "e_station", "fuel_point", "workers_home");
    static final int GRADES = 3;

    public StationFigureSource() {
        super(40, Section.stations, """
                select (s.created_at at time zone :zone)::date, 'stations.' || s.kind, 1
                  from station s
                 where s.tenant_id = :tenant and s.active and s.created_at >= :start and s.created_at < :end
                union all
                select (s.created_at at time zone :zone)::date, 'stations.grade' || g.n, 1
                  from station s
                  join station_settings st on st.tenant_id = s.tenant_id
                  cross join lateral jsonb_array_elements(st.grades) with ordinality g(grade, n)
                 where s.tenant_id = :tenant and s.active and s.created_at >= :start and s.created_at < :end
                   and g.grade ->> 'code' = s.grade and g.n <= %d
                union all
                select (v.at at time zone :zone)::date, 'stations.visits', 1
                  from station_visit v
                 where v.tenant_id = :tenant and v.at >= :start and v.at < :end
                """.formatted(GRADES), stocks(), List.of("stations.visits"));
    }

    /** Open stations by kind, then by the township's first, second and third grade. */
    private static List<String> stocks() {
        List<String> stocks = new ArrayList<>(KINDS.stream().map(k -> "stations." + k).toList());
        for (int grade = 1; grade <= GRADES; grade++) {
            stocks.add("stations.grade" + grade);
        }
        return stocks;
    }
}
