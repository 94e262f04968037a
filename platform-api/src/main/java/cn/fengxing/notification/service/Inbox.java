package cn.fengxing.notification.service;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.notification.api.NotificationView;
import cn.fengxing.notification.entity.Notification;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;

/**
 * The caller's own inbox 消息 in the township: only messages addressed to the caller's subject are ever read or
 * marked (row-level security keeps other townships' out), so another person's message is as missing as one that
 * does not exist.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    Caller caller;

    /** Newest first; only the unread ones with {@code unread}. */
    @Transactional
    public Page<NotificationView> list(boolean unread, int page, int size) {
        Sort newest = Sort.descending("id");
        var query = unread
                ? Notification.<Notification>find("subject = ?1 and readAt is null", newest, caller.subject())
                : Notification.<Notification>find("subject = ?1", newest, caller.subject());
        return new Page<>(query.page(page, size).list().stream().map(NotificationView::of).toList(), page, size,
                query.count());
    }

    @Transactional
    public long unread() {
        return Notification.count("subject = ?1 and readAt is null", caller.subject());
    }

    /** Marks the caller's message read (once: reading it again keeps the first time); 404 for anybody else's. */
    @Transactional
    public NotificationView read(long id) {
        Notification n = Notification.<Notification>find("id = ?1 and subject = ?2", id, caller.subject())
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("notification.not-found", id));
        if (n.readAt == null) {
            n.readAt = OffsetDateTime.now();
        }
        return NotificationView.of(n);
    }

    /** Marks every unread message of the caller read; returns how many were unread. */
    @Transactional
    public int readAll() {
        return Notification.update("readAt = ?1 where subject = ?2 and readAt is null", OffsetDateTime.now(),
                caller.subject());
    }
}
