package cn.fengxing.dispatch.service;

import cn.fengxing.dispatch.api.ReportChange;
import cn.fengxing.notification.api.NotificationView;
import cn.fengxing.notification.service.Notifications;
import cn.fengxing.report.api.ReportState;
import cn.fengxing.report.service.ReportWorkflow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Hears every report change and every message 消息 of every township: {@code LISTEN report_changes} and
 * {@code LISTEN notifications} on one connection of its own (outside the pool, so it never holds a pooled
 * connection), and hands each to {@link LiveReports}. ReportWorkflow and Notifications notify inside their
 * transactions, so an event arrives only once it is committed, at every API instance. The connection reads no
 * table, tenant or not (a message travels with its view); after a failure it reconnects with a growing pause.
 */
@ApplicationScoped
public class ReportChangeListener {

    private static final Logger LOG = Logger.getLogger(ReportChangeListener.class);
    /** How long one wait for notifications lasts: also how long stopping may take. */
    static final int POLL_MILLIS = 1_000;
    /** A connection idle this long is checked: a silently dropped one shows only when used. */
    static final Duration IDLE_CHECK = Duration.ofSeconds(30);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    LiveReports live;

    @Inject
    ObjectMapper json;

    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "report-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false; // the loop ends after the wait in progress, closing its connection
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        while (running) {
            try (Connection c = connect()) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + ReportWorkflow.CHANNEL);
                    st.execute("LISTEN " + Notifications.CHANNEL);
                }
                pause = FIRST_PAUSE;
                LOG.debugf("Listening on %s and %s", ReportWorkflow.CHANNEL, Notifications.CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                long lastHeard = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        for (PGNotification n : notifications) {
                            if (Notifications.CHANNEL.equals(n.getName())) {
                                message(n.getParameter());
                            } else {
                                deliver(n.getParameter());
                            }
                        }
                        lastHeard = System.nanoTime();
                    } else if (System.nanoTime() - lastHeard > IDLE_CHECK.toNanos()) {
                        if (!c.isValid(5)) {
                            throw new SQLException("the listening connection stopped answering");
                        }
                        lastHeard = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Report changes and messages are not heard (%s); reconnecting in %s s", e.getMessage(), pause.toSeconds());
            }
            if (!sleep(pause)) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "fengxing report-change-listener");
        return DriverManager.getConnection(url, props);
    }

    /** Payload {"tenant", "id", "action", "state"} from ReportWorkflow; anything else is logged and skipped. */
    private void deliver(String payload) {
        try {
            JsonNode n = json.readTree(payload);
            live.publish(n.get("tenant").asText(), new ReportChange(n.get("id").asLong(), n.get("action").asText(),
                    ReportState.valueOf(n.get("state").asText())));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("Skipping a report change that cannot be read: %s (%s)", payload, e.getMessage());
        }
    }

    /**
     * Payload {"tenant", "subject", "id", "view"} from Notifications (the view left out when too big: then only
     * the id goes on, and the apps load the message); anything else is logged and skipped.
     */
    private void message(String payload) {
        try {
            JsonNode n = json.readTree(payload);
            JsonNode view = n.get("view");
            Object message = view == null || view.isNull() ? Map.of("id", n.get("id").asLong())
                    : json.treeToValue(view, NotificationView.class);
            live.deliver(n.get("tenant").asText(), n.get("subject").asText(), message);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("Skipping a message notification that cannot be read: %s (%s)", payload, e.getMessage());
        }
    }

    private boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
