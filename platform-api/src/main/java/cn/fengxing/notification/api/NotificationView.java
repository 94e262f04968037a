package cn.fengxing.notification.api;

import cn.fengxing.notification.entity.Notification;

import java.time.OffsetDateTime;
import java.util.Map;

/** A message of the caller's inbox: the apps word it from its kind and parameters; {@code link} is the route it opens. */
public record NotificationView(long id, NotificationKind kind, Map<String, String> params, String link,
                               OffsetDateTime createdAt, boolean read) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, NotificationKind.of(n.kind), n.params == null ? Map.of() : n.params, n.link,
                n.createdAt, n.readAt != null);
    }
}
