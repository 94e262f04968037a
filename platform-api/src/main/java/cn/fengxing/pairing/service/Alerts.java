package cn.fengxing.pairing.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.grid.entity.Community;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.notification.api.NotificationKind;
import cn.fengxing.notification.service.Notifications;
import cn.fengxing.pairing.api.AlertView;
import cn.fengxing.pairing.api.FollowUpInput;
import cn.fengxing.pairing.entity.Elder;
import cn.fengxing.pairing.entity.Pairing;
import cn.fengxing.pairing.entity.PairingAlert;
import cn.fengxing.pairing.entity.PairingVisit;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alerts 预警 as the community's staff work them: the township's admins see every one, a grid worker those of their
 * communities' elders (others are a 404, as if they did not exist). The follow-up 跟进 happens once, audited, and
 * tells the rider who looks in on the elder.
 */
@ApplicationScoped
public class Alerts {

    @Inject
    CommunityStaff staff;

    @Inject
    PairingViews views;

    @Inject
    AlertRule rule;

    @Inject
    Caller caller;

    @Inject
    TenantContext tenant;

    @Inject
    AuditLog audit;

    @Inject
    Notifications notifications;

    /** The caller's alerts, newest first, by state (open, escalated, closed) and community code. */
    @Transactional
    public Page<AlertView> list(String state, String communityCode, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (communityCode != null) {
            long community = Community.byCode(communityCode).map(c -> c.id).orElse(-1L);
            where.append(" and elderId in (select e.id from Elder e where e.communityId = :community)");
            params.and("community", community);
        }
        if (!staff.wholeTownship()) {
            Set<Long> mine = staff.communities();
            if (mine.isEmpty()) {
                return new Page<>(List.of(), page, size, 0);
            }
            where.append(" and elderId in (select e.id from Elder e where e.communityId in :mine)");
            params.and("mine", mine);
        }
        if (state != null) {
            where.append(switch (state) {
                case "open" -> " and followedUpAt is null and escalatedAt is null";
                case "escalated" -> " and followedUpAt is null and escalatedAt is not null";
                default -> " and followedUpAt is not null";
            });
        }
        var query = PairingAlert.<PairingAlert>find(where.toString(), Sort.descending("raisedAt", "id"), params);
        return new Page<>(views.alerts(query.page(page, size).list()), page, size, query.count());
    }

    /** One alert with the visits of its days (a call for help: its visit). */
    @Transactional
    public AlertView get(long id) {
        return withVisits(visible(PairingAlert.findById(id), id));
    }

    /** The community's follow-up: what they found; once (409 after), audited, the rider told. */
    @Transactional
    public AlertView followUp(long id, FollowUpInput input) {
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        if ("other".equals(input.outcome()) && note == null) {
            throw ProblemException.invalid(List.of(new Violation("note", "pairing.alert.note-required")));
        }
        // concurrent follow-ups queue on the row: the second finds it followed up
        PairingAlert a = visible(PairingAlert.findById(id, LockModeType.PESSIMISTIC_WRITE), id);
        if (a.followedUpAt != null) {
            throw ProblemException.conflict("pairing.alert.followed-up");
        }
        a.followedUpAt = rule.now();
        a.followedUpBy = caller.subject();
        a.outcome = input.outcome();
        a.followUpNote = note;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", a.outcome);
        details.put("elder", a.elderId);
        audit.record(tenant.code(), "pairing.alert.follow-up", String.valueOf(a.id), details);
        Pairing pairing = Pairing.findById(a.pairingId);
        Rider rider = Rider.findById(pairing.riderId);
        Elder elder = Elder.findById(a.elderId);
        if (rider != null && rider.subject != null) {
            // the rider knows the elder by the given name only
            notifications.send(List.of(rider.subject), NotificationKind.PAIRING_ALERT_FOLLOWED_UP,
                    Map.of("elder", elder.givenName, "outcome", a.outcome), "/rider/pairing",
                    "pairing-alert-followed-up:" + a.id);
        }
        return withVisits(a);
    }

    private AlertView withVisits(PairingAlert a) {
        List<PairingVisit> visits = a.visitId != null ? PairingVisit.list("id", a.visitId)
                : PairingVisit.list("elderId = ?1 and day between ?2 and ?3", Sort.descending("visitedAt", "id"),
                a.elderId, a.streakFrom, a.streakTo);
        return views.alert(a, views.visits(visits));
    }

    /** The alert, when the caller looks after its elder's community; else a 404, as for one that does not exist. */
    private PairingAlert visible(PairingAlert a, long id) {
        if (a == null || !staff.covers(Elder.<Elder>findById(a.elderId).communityId)) {
            throw ProblemException.notFound("pairing.alert.not-found", id);
        }
        return a;
    }
}
