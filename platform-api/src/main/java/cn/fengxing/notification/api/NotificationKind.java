package cn.fengxing.notification.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** What a message is about; the apps word each kind from its parameters (locale part notifications). */
public enum NotificationKind {
    /** A report passed its dispatch or resolve deadline: params category, community, step. */
    REPORT_ESCALATED("report_escalated"),
    /** A paired elder shows anomalies in a row or called for help: params elder, community, reason, days. */
    PAIRING_ALERT("pairing_alert"),
    /** Nobody followed up a pairing alert in time: params elder, community, reason, days. */
    PAIRING_ALERT_ESCALATED("pairing_alert_escalated"),
    /** The community followed up an alert the rider raised: params elder, outcome. */
    PAIRING_ALERT_FOLLOWED_UP("pairing_alert_followed_up");

    private final String code;

    NotificationKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The kind with this code, or null for a code no kind has (a message of a newer version). */
    @JsonCreator
    public static NotificationKind of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst().orElse(null);
    }
}
