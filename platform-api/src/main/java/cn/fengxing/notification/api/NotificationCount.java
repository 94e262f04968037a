package cn.fengxing.notification.api;

/** How many messages: unread ones in the inbox, or those just marked read. */
public record NotificationCount(long count) {
}
