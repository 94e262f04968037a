package cn.fengxing.event.service;

import cn.fengxing.event.api.EventView;
import cn.fengxing.event.api.SignupView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Riders' sign-ups 报名 for events, with the waitlist. */
@ApplicationScoped
public class EventSignups {

    /** The event after a sign-up, and whether this request made it (false: it was so already). */
    public record Result(EventView view, boolean created) {
    }

    @Transactional
    public List<EventView> upcoming() {
        throw new UnsupportedOperationException();
    }

    @Transactional
    public List<EventView> mine() {
        throw new UnsupportedOperationException();
    }

    @Transactional
    public Result signUp(long eventId) {
        throw new UnsupportedOperationException();
    }

    @Transactional
    public EventView withdraw(long eventId) {
        throw new UnsupportedOperationException();
    }

    @Transactional
    public List<SignupView> list(long eventId, String status) {
        throw new UnsupportedOperationException();
    }
}
