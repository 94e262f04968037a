package cn.fengxing.outbox.service;

import cn.fengxing.outbox.entity.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Map;

/** Records domain events in the outbox of the current township, in the caller's transaction. */
@ApplicationScoped
public class Outbox {

    /** Records the event unless this aggregate already has one of this type (a step can happen once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String type, String aggregateType, String aggregateId, Map<String, Object> payload) {
        if (OutboxEvent.count("type = ?1 and aggregateType = ?2 and aggregateId = ?3", type, aggregateType, aggregateId) > 0) {
            return;
        }
        OutboxEvent event = new OutboxEvent();
        event.type = type;
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.payload = payload;
        event.persist();
    }
}
