package cn.fengxing.event.service;

import cn.fengxing.region.service.CountFigureSource;
import cn.fengxing.region.service.Figure.Section;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Events 活动 in regional comparison: events held (not cancelled, by the day they ended), check-ins and sign-ups
 * (by the day made).
 */
@ApplicationScoped
public class EventFigureSource extends CountFigureSource {

    public EventFigureSource() {
        super(80, Section.events, """
                select (ends_at at time zone :zone)::date, 'events.held', 1
                  from event
                 where tenant_id = :tenant and status = 'scheduled' and ends_at >= :start and ends_at < :end
                union all
                select (at at time zone :zone)::date, 'events.attendance', 1
                  from event_attendance
                 where tenant_id = :tenant and at >= :start and at < :end
                union all
                select (signed_up_at at time zone :zone)::date, 'events.signups', 1
                  from event_signup
                 where tenant_id = :tenant and signed_up_at >= :start and signed_up_at < :end
                """, List.of(), List.of("events.held", "events.attendance", "events.signups"));
    }
}
