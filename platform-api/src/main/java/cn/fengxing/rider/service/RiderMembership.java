package cn.fengxing.rider.service;

import cn.fengxing.identity.Role;
import cn.fengxing.identity.entity.Membership;
import cn.fengxing.rider.entity.Rider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Keeps the platform membership in step with the rider record: an active rider who has signed
 * in holds the rider role in the township; a suspended or departed one does not.
 */
@ApplicationScoped
public class RiderMembership {

    @Transactional(Transactional.TxType.MANDATORY)
    public void sync(Rider rider) {
        if (rider.subject == null) {
            return;
        }
        Membership m = Membership.<Membership>find("tenantCode = ?1 and subject = ?2", rider.tenantId, rider.subject)
                .firstResult();
        boolean shouldHold = Rider.ACTIVE.equals(rider.status);
        String role = Role.RIDER.code();
        if (m == null) {
            if (!shouldHold) {
                return;
            }
            m = new Membership();
            m.tenantCode = rider.tenantId;
            m.subject = rider.subject;
            m.name = rider.name;
            m.roles = new String[] {role};
            m.persist();
            return;
        }
        boolean holds = Arrays.asList(m.roles).contains(role);
        if (shouldHold && !holds) {
            m.roles = Stream.concat(Arrays.stream(m.roles), Stream.of(role)).sorted().toArray(String[]::new);
            m.status = Membership.ACTIVE;
        } else if (!shouldHold && holds) {
            m.roles = Arrays.stream(m.roles).filter(r -> !r.equals(role)).toArray(String[]::new);
            if (m.roles.length == 0) {
                m.status = Membership.REVOKED;
            }
        }
    }
}
