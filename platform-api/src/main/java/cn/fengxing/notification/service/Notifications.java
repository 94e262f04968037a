package cn.fengxing.notification.service;

import cn.fengxing.notification.api.NotificationKind;
import cn.fengxing.notification.api.NotificationView;
import cn.fengxing.notification.entity.Notification;
import cn.fengxing.tenancy.service.TenantContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts messages in people's in-app inboxes, inside the caller's transaction, and tells every API instance once it
 * commits (PostgreSQL NOTIFY on {@value #CHANNEL}) so that open streams deliver them live. The one way any feature
 * notifies anybody.
 */
@ApplicationScoped
public class Notifications {

    public static final String CHANNEL = "notifications";
    /** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
    static final int MAX_PAYLOAD = 7900;

    @Inject
    TenantContext tenant;

    @Inject
    ObjectMapper json;

    /**
     * One message to each subject. {@code dedupKey} names the occasion (e.g. {@code pairing-alert:12}): a subject gets
     * at most one message per key, so retried or concurrent work notifies once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(Collection<String> subjects, NotificationKind kind, Map<String, String> params, String link,
                     String dedupKey) {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        Map<String, String> shown = params == null ? Map.of() : params;
        for (String subject : subjects.stream().distinct().toList()) {
            Number id = (Number) Panache.getEntityManager().createNativeQuery("""
                            INSERT INTO notification (tenant_id, subject, kind, params, link, dedup_key, created_at)
                            VALUES (:tenant, :subject, :kind, cast(:params AS jsonb), :link, :dedup, :now)
                            ON CONFLICT (tenant_id, subject, dedup_key) DO NOTHING RETURNING id""")
                    .setParameter("tenant", tenant.code()).setParameter("subject", subject)
                    .setParameter("kind", kind.code()).setParameter("params", write(shown))
                    .setParameter("link", link).setParameter("dedup", dedupKey).setParameter("now", now)
                    .getResultStream().findFirst().orElse(null);
            if (id != null) {
                announce(subject, new NotificationView(id.longValue(), kind, shown, link, now, false));
            }
        }
    }

    /**
     * Payload {"tenant", "subject", "id", "view"}: the message itself travels along, so that the listener delivers
     * it without reading the database; a message too big for a notification (8000 bytes) travels without its view
     * and the apps load it.
     */
    private void announce(String subject, NotificationView view) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenant", tenant.code());
        payload.put("subject", subject);
        payload.put("id", view.id());
        payload.put("view", view);
        String text = write(payload);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            payload.remove("view");
            text = write(payload);
        }
        Panache.getEntityManager().createNativeQuery("select pg_notify(:channel, :payload)")
                .setParameter("channel", CHANNEL).setParameter("payload", text).getSingleResult();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
