package cn.fengxing.rider.service;

import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Members;
import cn.fengxing.rider.entity.Rider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Keeps the platform membership in step with the rider record: an active rider who has signed
 * in holds the rider role in the township; a suspended or departed one does not.
 */
@ApplicationScoped
public class RiderMembership {

    @Inject
    Members members;

    @Transactional(Transactional.TxType.MANDATORY)
    public void sync(Rider rider) {
        if (rider.subject != null) {
            members.setRole(rider.tenantId, rider.subject, rider.name, Role.RIDER, Rider.ACTIVE.equals(rider.status));
        }
    }
}
