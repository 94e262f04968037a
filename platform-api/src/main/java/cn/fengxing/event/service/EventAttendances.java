package cn.fengxing.event.service;

import cn.fengxing.event.api.AttendanceView;
import cn.fengxing.event.api.CheckInCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Check-ins 签到 at events, by the organiser's scan or the rider's, and the points they earn. */
@ApplicationScoped
public class EventAttendances {

    @Transactional
    public CheckInCode code(long eventId) {
        throw new UnsupportedOperationException();
    }

    @Transactional
    public AttendanceView organiserScan(long eventId, String riderCode) {
        throw new UnsupportedOperationException();
    }

    @Transactional
    public AttendanceView riderScan(String code) {
        throw new UnsupportedOperationException();
    }
}
