package cn.fengxing.station.service;

import cn.fengxing.region.service.Figure;
import cn.fengxing.region.service.Figure.Direction;
import cn.fengxing.region.service.Figure.Section;
import cn.fengxing.region.service.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Stations 驿站 in regional comparison: the open ones by kind and by grade (the township's first, second and third
 * grade, whatever it calls them: grades are its own), counted from the day they were added, and riders' visits.
 */
@ApplicationScoped
public class StationFigureSource implements FigureSource {

    static final List<String> KINDS = List.of("station", "e_station", "fuel_point", "workers_home");
    static final int GRADES = 3;

    private static final String FACTS = """
            select (s.created_at at time zone :zone)::date, 'stations.' || s.kind, 1
              from station s
             where s.tenant_id = :tenant and s.active and s.created_at >= :start and s.created_at < :end
            union all
            select (s.created_at at time zone :zone)::date, 'stations.grade' || g.n, 1
              from station s
              join station_settings st on st.tenant_id = s.tenant_id
              cross join lateral jsonb_array_elements(st.grades) with ordinality g(grade, n)
             where s.tenant_id = :tenant and s.active and s.created_at >= :start and s.created_at < :end
               and g.grade ->> 'code' = s.grade and g.n <= 3
            union all
            select (v.at at time zone :zone)::date, 'stations.visits', 1
              from station_visit v
             where v.tenant_id = :tenant and v.at >= :start and v.at < :end
            """;

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String facts() {
        return FACTS;
    }

    @Override
    public Kind kind(String counter) {
        return counter.equals("stations.visits") ? Kind.FLOW : Kind.STOCK;
    }

    @Override
    public boolean owns(String counter) {
        return counter.startsWith("stations.");
    }

    @Override
    public List<Figure> figures() {
        List<Figure> all = new ArrayList<>();
        for (String kind : KINDS) {
            all.add(Figure.count("stations." + kind, Section.stations, Direction.higher, "stations." + kind));
        }
        for (int grade = 1; grade <= GRADES; grade++) {
            all.add(Figure.count("stations.grade" + grade, Section.stations, Direction.higher, "stations.grade" + grade));
        }
        all.add(Figure.count("stations.visits", Section.stations, Direction.higher, "stations.visits"));
        return all;
    }
}
