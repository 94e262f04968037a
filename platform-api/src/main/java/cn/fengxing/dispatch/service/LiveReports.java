package cn.fengxing.dispatch.service;

import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.dispatch.api.ReportChange;
import cn.fengxing.notification.api.NotificationView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live streams of this API instance: each open stream belongs to one person in one township. A staff stream
 * (the dispatch desk's) gets that township's report changes (as {@value #EVENT} events); every stream gets the
 * messages sent to its person there (as {@value #NOTIFICATION} events) and nobody else's; all get a heartbeat
 * comment so that idle connections stay open through proxies. Fed by {@link ReportChangeListener}.
 */
@Startup
@ApplicationScoped
public class LiveReports {

    /** Name of the server-sent event that carries a {@link ReportChange}. */
    public static final String EVENT = "report";
    /** Name of the server-sent event that carries a {@link NotificationView} (or only its id, when too big). */
    public static final String NOTIFICATION = "notification";
    /** Gauge of the streams open on this instance. */
    public static final String OPEN_STREAMS = "fengxing.dispatch.streams.open";
    /** Events a slow client may fall behind by before its stream ends (it reconnects and reloads). */
    static final int BUFFER = 1000;

    /** One open stream: whose it is, and whether it wants the township's report changes. */
    private record Subscriber(String subject, boolean reports, MultiEmitter<? super OutboundSseEvent> emitter,
                              Sse sse) {
    }

    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    @Inject
    MeterRegistry registry;

    @Inject
    FengxingConfig config;

    @PostConstruct
    void gauge() {
        Gauge.builder(OPEN_STREAMS, open, AtomicInteger::get)
                .description("Live streams (dispatch desks and inboxes) open on this API instance").register(registry);
    }

    /**
     * The subject's stream in a township: its messages, and with {@code reports} the township's report changes.
     * Its first item is a comment saying it is subscribed: from then on nothing is missed.
     */
    public Multi<OutboundSseEvent> stream(String tenant, String subject, boolean reports, Sse sse) {
        Multi<OutboundSseEvent> changes = Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            emitter.emit(comment(sse, "subscribed"));
            Subscriber s = new Subscriber(subject, reports, emitter, sse);
            Set<Subscriber> township = subscribers.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet());
            township.add(s);
            open.incrementAndGet();
            emitter.onTermination(() -> {
                if (township.remove(s)) {
                    open.decrementAndGet();
                }
            });
        }, BUFFER);
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.reports().streamHeartbeat())
                .onOverflow().drop().map(tick -> comment(sse, "heartbeat"));
        return Multi.createBy().merging().streams(changes, heartbeats);
    }

    /** Sends the change to this instance's streams of the township. Called from one thread only. */
    public void publish(String tenant, ReportChange change) {
        Set<Subscriber> township = subscribers.get(tenant);
        if (township == null) {
            return;
        }
        for (Subscriber s : township) {
            if (s.reports()) {
                s.emitter().emit(s.sse().newEventBuilder().name(EVENT).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(ReportChange.class, change).build());
            }
        }
    }

    /**
     * Sends a message to this instance's streams of its recipient in the township, and to no other stream. The
     * message is its view, or {@code {"id"}} only when it came without one. Called from one thread only.
     */
    public void deliver(String tenant, String subject, Object message) {
        Set<Subscriber> township = subscribers.get(tenant);
        if (township == null) {
            return;
        }
        for (Subscriber s : township) {
            if (s.subject().equals(subject)) {
                s.emitter().emit(s.sse().newEventBuilder().name(NOTIFICATION)
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(message).build());
            }
        }
    }

    /** Streams open on this instance. */
    public int open() {
        return open.get();
    }

    private static OutboundSseEvent comment(Sse sse, String text) {
        return sse.newEventBuilder().comment(text).build();
    }
}
