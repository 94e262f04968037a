package cn.fengxing.care.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.care.api.CareKind;
import cn.fengxing.care.api.CareRecordInput;
import cn.fengxing.care.api.CareRecordView;
import cn.fengxing.care.api.CareTotal;
import cn.fengxing.care.api.MyCareRecord;
import cn.fengxing.care.entity.CareRecord;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.common.text.SpreadsheetCells;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.identity.service.Members;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The care records 关爱服务 of the current township: kept by its admins, personal data masked in every answer but
 * the audited reveal (care.reveal), and read unmasked by the rider they were given to.
 */
@ApplicationScoped
public class CareRecords {

    /** What a list filters on: kind, month given (yyyy-MM), rider; each optional. */
    public record Filter(CareKind kind, String month, Long riderId) {
    }

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    Members members;

    @Inject
    AuditLog audit;

    @Transactional
    public Page<CareRecordView> list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            params.put("kind", filter.kind().code());
        }
        if (filter.month() != null) {
            YearMonth month = YearMonth.parse(filter.month());
            where.append(" and givenOn >= :from and givenOn <= :to");
            params.put("from", month.atDay(1));
            params.put("to", month.atEndOfMonth());
        }
        if (filter.riderId() != null) {
            where.append(" and riderId = :rider");
            params.put("rider", filter.riderId());
        }
        var query = CareRecord.<CareRecord>find(where.toString(), Sort.descending("givenOn").and("id", Sort.Direction.Descending), params);
        return new Page<>(views(query.page(page, size).list(), true), page, size, query.count());
    }

    @Transactional
    public CareRecordView get(long id) {
        return views(List.of(require(id)), true).get(0);
    }

    @Transactional
    public CareRecordView create(CareRecordInput input) {
        CareRecord r = new CareRecord();
        r.recordedBy = caller.subject();
        write(r, input);
        r.persist();
        audit.record(tenant.code(), "care.create", String.valueOf(r.id), Map.of("kind", r.kind));
        return views(List.of(r), true).get(0);
    }

    @Transactional
    public CareRecordView update(long id, CareRecordInput input) {
        CareRecord r = require(id);
        write(r, input);
        r.updatedAt = OffsetDateTime.now();
        audit.record(tenant.code(), "care.update", String.valueOf(r.id), Map.of("kind", r.kind));
        return views(List.of(r), true).get(0);
    }

    @Transactional
    public void delete(long id) {
        CareRecord r = require(id);
        audit.record(tenant.code(), "care.delete", String.valueOf(r.id), Map.of("kind", r.kind));
        r.delete();
    }

    /** The record unmasked; every reveal is audited (who, which record, whose). */
    @Transactional
    public CareRecordView reveal(long id) {
        CareRecord r = require(id);
        CareRecordView view = views(List.of(r), false).get(0);
        audit.record(tenant.code(), "care.reveal", String.valueOf(r.id),
                Map.of("kind", r.kind, "rider", view.riderName()));
        return view;
    }

    /** Per kind (every kind, in order): records, riders and yuan, given in the month or ever. */
    @Transactional
    public List<CareTotal> totals(String month) {
        String where = "";
        LocalDate from = null;
        LocalDate to = null;
        if (month != null) {
            YearMonth m = YearMonth.parse(month);
            from = m.atDay(1);
            to = m.atEndOfMonth();
            where = " where c.givenOn >= :from and c.givenOn <= :to";
        }
        var q = Panache.getEntityManager().createQuery("select c.kind, count(c), count(distinct c.riderId), "
                + "coalesce(sum(c.amount), 0) from CareRecord c" + where + " group by c.kind", Object[].class);
        if (month != null) {
            q.setParameter("from", from).setParameter("to", to);
        }
        Map<CareKind, CareTotal> totals = new LinkedHashMap<>();
        for (CareKind k : CareKind.values()) {
            totals.put(k, new CareTotal(k, 0, 0, BigDecimal.ZERO));
        }
        for (Object[] row : q.getResultList()) {
            CareKind k = CareKind.of((String) row[0]);
            totals.put(k, new CareTotal(k, ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    (BigDecimal) row[3]));
        }
        return new ArrayList<>(totals.values());
    }

    /** The signed-in rider's own records, newest first. */
    @Transactional
    public Page<MyCareRecord> mine(long riderId, int page, int size) {
        var query = CareRecord.<CareRecord>find("riderId", Sort.descending("givenOn").and("id", Sort.Direction.Descending), riderId);
        return new Page<>(query.page(page, size).list().stream().map(r -> new MyCareRecord(r.id, CareKind.of(r.kind),
                r.givenOn, r.title, r.detail, r.amount, r.coverStart, r.coverEnd, r.reference)).toList(),
                page, size, query.count());
    }

    /**
     * The checks every way in shares (the API, the import, a manifest): insurance has its cover (first day not after
     * the last), nothing else has one. Violations are named from {@code field} ("", "rows[3].").
     */
    static void checkCover(CareKind kind, LocalDate start, LocalDate end, String field, List<Violation> violations) {
        if (kind == CareKind.insurance) {
            if (start == null || end == null) {
                violations.add(new Violation(field + "coverStart", "care.cover-required"));
            } else if (end.isBefore(start)) {
                violations.add(new Violation(field + "coverEnd", "care.cover-order"));
            }
        } else if (kind != null && (start != null || end != null)) {
            violations.add(new Violation(field + "coverStart", "care.cover-insurance-only"));
        }
    }

    private void write(CareRecord r, CareRecordInput input) {
        List<Violation> violations = new ArrayList<>();
        checkCover(input.kind(), input.coverStart(), input.coverEnd(), "", violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Rider rider = Rider.<Rider>findByIdOptional(input.riderId())
                .orElseThrow(() -> ProblemException.notFound("care.rider-unknown", input.riderId()));
        r.riderId = rider.id;
        r.kind = input.kind().code();
        r.givenOn = input.givenOn();
        r.title = input.title().strip();
        r.detail = blankToNull(input.detail());
        r.amount = input.amount();
        r.coverStart = input.coverStart();
        r.coverEnd = input.coverEnd();
        r.reference = blankToNull(input.reference());
        r.note = blankToNull(input.note());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private CareRecord require(long id) {
        return CareRecord.<CareRecord>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("care.record-unknown", id));
    }

    /** Records as the console reads them, masked or not; the riders and members named in one query each. */
    private List<CareRecordView> views(List<CareRecord> records, boolean masked) {
        Set<Long> riderIds = records.stream().map(r -> r.riderId).collect(Collectors.toSet());
        Map<Long, Rider> riders = riderIds.isEmpty() ? Map.of()
                : Rider.<Rider>list("id in ?1", riderIds).stream().collect(Collectors.toMap(r -> r.id, r -> r));
        Map<String, String> people = members.namesOf(tenant.code(),
                records.stream().map(r -> r.recordedBy).filter(Objects::nonNull).distinct().toList());
        return records.stream().map(r -> {
            Rider rider = riders.get(r.riderId);
            String name = rider == null ? null : rider.name;
            String phone = rider == null ? null : rider.phone;
            boolean aid = CareKind.hardship_aid.code().equals(r.kind);
            return new CareRecordView(r.id, r.riderId, masked && aid ? CareMasking.name(name) : name,
                    masked ? CareMasking.phone(phone) : phone, CareKind.of(r.kind), r.givenOn, r.title, r.detail,
                    masked ? null : r.amount, r.amount != null, r.coverStart, r.coverEnd,
                    masked ? CareMasking.reference(r.reference) : r.reference, r.note, people.get(r.recordedBy),
                    r.updatedAt, masked);
        }).toList();
    }

    /** Text from a spreadsheet, stored so that a spreadsheet opening it later will not run it. */
    static String cellText(String text) {
        return text == null || text.isEmpty() ? null : SpreadsheetCells.neutralise(text);
    }
}
