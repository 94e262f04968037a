package cn.fengxing.rider.service;

import cn.fengxing.rider.api.RiderFields;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Map;

/** The township's rider settings ({@code settings.riders}); the optional fields are off unless switched on. */
@ApplicationScoped
public class RiderSettings {

    @Inject
    TenantContext tenant;

    @Transactional
    public RiderFields fields() {
        Object riders = Tenant.byCode(tenant.code()).map(t -> t.settings).map(s -> s.get("riders")).orElse(null);
        if (!(riders instanceof Map<?, ?> m)) {
            return new RiderFields(false, false);
        }
        return new RiderFields(Boolean.TRUE.equals(m.get("partyMemberField")), Boolean.TRUE.equals(m.get("volunteerField")));
    }
}
