package cn.fengxing.notification.service;

import cn.fengxing.notification.api.NotificationKind;
import cn.fengxing.notification.entity.Notification;
import cn.fengxing.tenancy.service.TenantContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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
        for (String subject : subjects.stream().distinct().toList()) {
            Number id = (Number) Panache.getEntityManager().createNativeQuery("""
                            INSERT INTO notification (tenant_id, subject, kind, params, link, dedup_key)
                            VALUES (:tenant, :subject, :kind, cast(:params AS jsonb), :link, :dedup)
                            ON CONFLICT (tenant_id, subject, dedup_key) DO NOTHING RETURNING id""")
                    .setParameter("tenant", tenant.code()).setParameter("subject", subject)
                    .setParameter("kind", kind.code()).setParameter("params", write(params))
                    .setParameter("link", link).setParameter("dedup", dedupKey)
                    .getResultStream().findFirst().orElse(null);
            if (id != null) {
                announce(subject, id.longValue());
            }
        }
    }

    private void announce(String subject, long id) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenant", tenant.code());
        payload.put("subject", subject);
        payload.put("id", id);
        Panache.getEntityManager().createNativeQuery("select pg_notify(:channel, :payload)")
                .setParameter("channel", CHANNEL).setParameter("payload", write(payload)).getSingleResult();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
