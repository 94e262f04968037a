package cn.fengxing.points.api;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What earns points 积分事项: meeting 例会, training 学习培训, home_visit 入户走访, helping 帮助群众, report_accepted
 * 上报隐患 (when the duty desk accepts a rider's report), hardship_help 困难帮扶, volunteering 志愿服务, and manual 其他
 * (an admin's award with its reason).
 */
public enum PointsAction {
    meeting, training, home_visit, helping, report_accepted, hardship_help, volunteering, manual;

    @JsonValue
    public String code() {
        return name();
    }

    public static PointsAction of(String code) {
        return valueOf(code);
    }
}
