package cn.fengxing.pairing.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.photo.PhotoIntake;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.grid.entity.Community;
import cn.fengxing.pairing.api.ElderDetail;
import cn.fengxing.pairing.api.ElderInput;
import cn.fengxing.pairing.api.ElderSummary;
import cn.fengxing.pairing.entity.Elder;
import cn.fengxing.pairing.entity.Pairing;
import cn.fengxing.rider.service.PersonalData;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The township's lone elders 独居老人 in care pairing: kept by the admins and by the grid workers of their
 * communities (CommunityStaff scopes every call), personal data masked in every answer but the audited reveal.
 */
@ApplicationScoped
public class Elders {

    @Inject
    TenantContext tenant;

    @Inject
    CommunityStaff staff;

    @Inject
    ElderViews views;

    @Inject
    AuditLog audit;

    @Inject
    PhotoIntake photos;

    /** Elders of the caller's communities (all for an admin), by community and name; q finds name or address. */
    @Transactional
    public Page<ElderSummary> list(String communityCode, String q, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!staff.wholeTownship()) {
            if (staff.communities().isEmpty()) {
                return new Page<>(List.of(), page, size, 0);
            }
            where.append(" and communityId in :mine");
            params.put("mine", staff.communities());
        }
        if (communityCode != null) {
            Community c = Community.byCode(communityCode).orElse(null);
            if (c == null) {
                return new Page<>(List.of(), page, size, 0);
            }
            where.append(" and communityId = :community");
            params.put("community", c.id);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (concat(familyName, givenName) like :q or address like :q)");
            params.put("q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var query = Elder.<Elder>find(where.toString(),
                Sort.by("communityId").and("familyName").and("givenName").and("id"), params);
        return new Page<>(views.summaries(query.page(page, size).list()), page, size, query.count());
    }

    @Transactional
    public ElderSummary get(long id) {
        return views.summary(require(id));
    }

    /** The elder whole; every reveal is audited (who, which elder, which community). */
    @Transactional
    public ElderDetail reveal(long id) {
        Elder e = require(id);
        ElderDetail detail = views.detail(e);
        audit.record(tenant.code(), "pairing.elder.reveal", String.valueOf(e.id),
                Map.of("community", detail.community().code()));
        return detail;
    }

    @Transactional
    public ElderSummary create(ElderInput input) {
        Elder e = new Elder();
        write(e, input);
        e.persist();
        audit.record(tenant.code(), "pairing.elder.create", String.valueOf(e.id), Map.of("community", input.community()));
        return views.summary(e);
    }

    @Transactional
    public ElderSummary update(long id, ElderInput input) {
        Elder e = require(id);
        write(e, input);
        e.updatedAt = OffsetDateTime.now();
        audit.record(tenant.code(), "pairing.elder.update", String.valueOf(e.id), Map.of("community", input.community()));
        return views.summary(e);
    }

    /** No more look-ins: the elder is inactive, a current pairing ends today and a later one is dropped. */
    @Transactional
    public ElderSummary deactivate(long id, String reason) {
        Elder e = lock(id);
        if (!e.active) {
            throw ProblemException.conflict("pairing.elder.inactive");
        }
        e.active = false;
        e.updatedAt = OffsetDateTime.now();
        LocalDate today = views.today();
        for (Pairing p : Pairing.<Pairing>list("elderId = ?1 and (endOn is null or endOn > ?2)", e.id, today)) {
            if (p.startOn.isAfter(today)) {
                p.delete();
            } else {
                p.endOn = today;
            }
        }
        audit.record(tenant.code(), "pairing.elder.deactivate", String.valueOf(e.id), Map.of("reason", reason.strip()));
        return views.summary(e);
    }

    /** Checks the caller may change the elder's door photo, before any photo work. */
    @Transactional
    public void checkWritable(long id) {
        require(id);
    }

    /** The door's photo, replacing any earlier one (whose files stay until the blob sweep). */
    @Transactional
    public ElderSummary doorPhoto(long id, PhotoIntake.Processed photo) {
        Elder e = require(id);
        photos.write(List.of(photo));
        e.doorPhotoKey = photo.key();
        e.doorPhotoWidth = photo.width();
        e.doorPhotoHeight = photo.height();
        e.updatedAt = OffsetDateTime.now();
        audit.record(tenant.code(), "pairing.elder.door-photo", String.valueOf(e.id), Map.of());
        return views.summary(e);
    }

    /** The door photo's JPEG (or thumbnail) of an elder the caller looks after; 404 when there is none. */
    @Transactional
    public byte[] doorPhotoOf(Elder e, boolean thumbnail) {
        if (e.doorPhotoKey == null) {
            throw ProblemException.notFound("pairing.elder.no-door-photo");
        }
        return photos.read(e.doorPhotoKey, thumbnail)
                .orElseThrow(() -> ProblemException.notFound("pairing.elder.no-door-photo"));
    }

    /** The elder, when the caller looks after the elder's community; else a 404. */
    public Elder require(long id) {
        return staff.check(Elder.findById(id));
    }

    /** The elder locked for the transaction (pairing and deactivating take this lock), when the caller covers it. */
    public Elder lock(long id) {
        return staff.check(Elder.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    private void write(Elder e, ElderInput input) {
        Community c = Community.byCode(input.community()).orElse(null);
        if (c == null || !staff.covers(c.id)) {
            throw ProblemException.invalid(List.of(new Violation("community",
                    c == null ? "pairing.community-unknown" : "pairing.community-not-yours", input.community())));
        }
        if ((input.lon() == null) != (input.lat() == null)) {
            throw ProblemException.invalid(List.of(new Violation("lat", "pairing.elder.lon-lat")));
        }
        e.communityId = c.id;
        e.familyName = input.familyName().strip();
        e.givenName = input.givenName().strip();
        e.address = input.address().strip();
        e.lon = input.lon();
        e.lat = input.lat();
        e.phone = phone(input.phone());
        e.familyContactName = blankToNull(input.familyContactName());
        e.familyContactPhone = phone(input.familyContactPhone());
        e.landmark = blankToNull(input.landmark());
        e.notes = blankToNull(input.notes());
    }

    /** A mobile reduced to its 11 digits (country code dropped); a landline as written; blank is none. */
    static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        return PersonalData.normalisePhone(phone.strip());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
