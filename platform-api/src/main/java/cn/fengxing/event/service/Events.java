package cn.fengxing.event.service;

import cn.fengxing.common.paging.Page;
import cn.fengxing.event.api.EventInput;
import cn.fengxing.event.api.EventView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/** The township's events 活动: planning, changing and cancelling them, and reading them. */
@ApplicationScoped
public class Events {

    @Transactional
    public Page<EventView> list(LocalDate from, LocalDate to, String kind, String status, int page, int size) {
        throw new UnsupportedOperationException();
    }

    @Transactional
    public EventView create(EventInput input) {
        throw new UnsupportedOperationException();
    }

    @Transactional
    public EventView get(long id) {
        throw new UnsupportedOperationException();
    }

    @Transactional
    public EventView update(long id, EventInput input) {
        throw new UnsupportedOperationException();
    }

    @Transactional
    public EventView cancel(long id, String reason) {
        throw new UnsupportedOperationException();
    }
}
