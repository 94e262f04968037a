package cn.fengxing.event.api;

import cn.fengxing.points.api.PointsAction;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a township's event 活动 is: training 培训, meeting 例会, forum 恳谈会, health_check 义诊, legal_aid 法律咨询,
 * volunteering 志愿活动. Attending earns the points of the matching action; a health check or legal advice is a
 * service to riders and earns nothing.
 */
public enum EventKind {
    training(PointsAction.training),
    meeting(PointsAction.meeting),
    forum(PointsAction.meeting),
    health_check(null),
    legal_aid(null),
    volunteering(PointsAction.volunteering);

    /** The points action attending earns, or null. */
    public final PointsAction action;

    EventKind(PointsAction action) {
        this.action = action;
    }

    @JsonValue
    public String code() {
        return name();
    }

    public static EventKind of(String code) {
        return valueOf(code);
    }
}
