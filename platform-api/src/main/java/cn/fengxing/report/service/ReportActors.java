package cn.fengxing.report.service;

import cn.fengxing.identity.service.Caller;
import cn.fengxing.identity.service.Members;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Who acts on a report, with the name the timeline shows: their membership name, else their rider name. */
@ApplicationScoped
public class ReportActors {

    /** Someone acting on a report; {@link #SYSTEM} for scheduled steps. */
    public record Actor(String subject, String name) {
    }

    public static final Actor SYSTEM = new Actor(Caller.SYSTEM, null);

    @Inject
    Caller caller;

    @Inject
    TenantContext tenant;

    @Inject
    Members members;

    public Actor current() {
        String subject = caller.subject();
        return new Actor(subject, name(subject));
    }

    /** Display name of a member or rider of the current township; null when unknown. */
    public String name(String subject) {
        if (subject == null || Caller.SYSTEM.equals(subject)) {
            return null;
        }
        return members.find(tenant.code(), subject).map(m -> m.name)
                .or(() -> Rider.bySubject(subject).map(r -> r.name))
                .orElse(null);
    }

    /** Display names of these subjects (members first, else riders) by subject; the unknown are left out. */
    public Map<String, String> names(Collection<String> subjects) {
        Map<String, String> names = new HashMap<>(members.namesOf(tenant.code(), subjects));
        List<String> others = subjects.stream()
                .filter(s -> s != null && !Caller.SYSTEM.equals(s) && !names.containsKey(s)).distinct().toList();
        if (!others.isEmpty()) {
            Rider.<Rider>list("subject in ?1", others).forEach(r -> names.put(r.subject, r.name));
        }
        return names;
    }

    /** Names of the township's members, for lists that show many. */
    public Map<String, String> memberNames() {
        return members.names(tenant.code());
    }
}
