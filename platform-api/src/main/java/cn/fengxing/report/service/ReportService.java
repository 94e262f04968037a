package cn.fengxing.report.service;

import cn.fengxing.common.photo.PhotoIntake;
import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.common.problem.ProblemType;
import cn.fengxing.grid.api.Location;
import cn.fengxing.grid.service.GridService;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.report.api.ReportAction;
import cn.fengxing.report.api.ReportForm;
import cn.fengxing.report.api.ReportState;
import cn.fengxing.report.api.ReportSummary;
import cn.fengxing.report.api.ReportView;
import cn.fengxing.report.api.SlaSettings;
import cn.fengxing.report.api.VerificationForm;
import cn.fengxing.report.entity.Report;
import cn.fengxing.report.entity.ReportCategory;
import cn.fengxing.report.entity.ReportEvent;
import cn.fengxing.report.entity.ReportPhoto;
import cn.fengxing.report.entity.ReportSupporter;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.service.RiderCodes;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Snap-and-report 随手拍 from the rider's side: filing (exactly once per Idempotency-Key), placement in its grid,
 * SLA deadlines, "me too", my reports, and verifying the fix. Reads for everyone who may see a report.
 */
@ApplicationScoped
public class ReportService {

    /** What filing returns: the report, and whether this request created it (false: a retry). */
    public record Filed(ReportView report, boolean created) {
    }

    private static final Set<Role> STAFF = Set.of(Role.TENANT_ADMIN, Role.DISPATCHER, Role.HANDLER);

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    RiderCodes riders;

    @Inject
    GridService grids;

    @Inject
    ReportSlas slas;

    @Inject
    ReportWorkflow workflow;

    @Inject
    ReportActors actors;

    @Inject
    ReportPhotos photos;

    @Inject
    ReportViews views;

    @Inject
    ReportDeadlines deadlines;

    @Inject
    FengxingConfig config;

    /** The report the caller already filed with this Idempotency-Key, if any (a retry needs no photo work). */
    @Transactional
    public Optional<ReportView> filedBefore(String idempotencyKey, Locale locale) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return Report.<Report>find("reporterSubject = ?1 and idempotencyKey = ?2", caller.subject(), idempotencyKey)
                .firstResultOptional().map(r -> views.view(r, locale));
    }

    /**
     * Files the caller's report with its (already checked) photos. Retries of one submission carry the same
     * key: they wait for the first to commit and get its report back, so there is only ever one.
     */
    @Transactional
    public Filed file(ReportForm form, List<PhotoIntake.Processed> processed, String idempotencyKey, Locale locale) {
        Rider rider = riders.current();
        if (idempotencyKey != null) {
            // serialises concurrent retries of one submission; released at commit
            Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))")
                    .setParameter("k", tenant.code() + "|" + caller.subject() + "|" + idempotencyKey).getSingleResult();
            Report earlier = Report.<Report>find("reporterSubject = ?1 and idempotencyKey = ?2", caller.subject(),
                    idempotencyKey).firstResult();
            if (earlier != null) {
                return new Filed(views.view(earlier, locale), false);
            }
        }
        ReportCategory category = ReportCategory.byCode(form.category).filter(c -> c.active).orElseThrow(() ->
                ProblemException.invalid(List.of(new Violation("category", "report.category.unknown", form.category))));
        // the app's reports carry what the rider saw; Open311 and imported reports come without photos
        if (processed.isEmpty()) {
            throw ProblemException.invalid(List.of(new Violation("photos", "report.photo.required")));
        }
        Report r = open(new Opening(category, form.description, form.lon, form.lat, form.address, form.urgent,
                        Report.SOURCE_APP, form.outsideConfirmed), new Reporter(caller.subject(), rider.id, null), OffsetDateTime.now(),
                actors.current(), ReportViews.details("photos", processed.size()), k -> k.idempotencyKey = idempotencyKey);
        photos.store(r.id, null, ReportPhoto.REPORT, caller.subject(), processed);
        if (r.urgent) {
            deadlines.escalate(r);
        }
        return new Filed(views.view(r, locale), true);
    }

    /**
     * What a new report says, whoever files it: the rider app, an Open311 client, an import. {@code outsideConfirmed}:
     * whoever files it has confirmed a point outside every grid of the township.
     */
    public record Opening(ReportCategory category, String description, double lon, double lat, String address,
                          boolean urgent, String source, boolean outsideConfirmed) {
    }

    /** Who filed it: a rider (subject and rider row), or a person another system names; any part may be null. */
    public record Reporter(String subject, Long riderId, String name) {
    }

    /**
     * The one way a report comes into being, whatever its source: placed in the grid containing its point (and so
     * in its community), urgent when its category is, SLA deadlines from the category's settings counted from
     * {@code at}, and the first step of its timeline. A point outside every grid of a township that has grids (its
     * boundary is their union) is refused (422 outside-township) unless the place was confirmed; then it is flagged. {@code extra} sets what only its source has (idempotency key,
     * media link, import code) before it is saved; photos, which need its id, come after.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Report open(Opening what, Reporter who, OffsetDateTime at, ReportActors.Actor actor,
                       Map<String, Object> details, Consumer<Report> extra) {
        Location place = grids.locate(what.lon(), what.lat());
        boolean outside = place.grid() == null && grids.anyGrid();
        if (outside && !what.outsideConfirmed()) {
            // a rider can check the pin and confirm; a system filing through Open311 cannot
            throw new ProblemException(ProblemType.OUTSIDE_TOWNSHIP, Report.SOURCE_OPEN311.equals(what.source())
                    ? "open311.outside-township" : "report.outside-township", null);
        }
        SlaSettings.Effective sla = slas.forCategory(what.category().id);
        Report r = new Report();
        r.categoryId = what.category().id;
        r.description = what.description().strip();
        r.lon = what.lon();
        r.lat = what.lat();
        r.address = blankToNull(what.address());
        r.communityId = place.community() == null ? null : place.community().id();
        r.gridId = place.grid() == null ? null : place.grid().id();
        r.urgent = what.urgent() || what.category().urgent || what.category().emergencyStop;
        r.outsideTownship = outside;
        r.source = what.source();
        r.reporterSubject = who.subject();
        r.riderId = who.riderId();
        r.reporterName = who.name();
        r.createdAt = at;
        r.updatedAt = at;
        r.dispatchDue = at.plusMinutes(sla.dispatchMinutes());
        r.resolveDue = at.plusHours(sla.resolveHours());
        extra.accept(r);
        r.persist();
        Map<String, Object> first = new LinkedHashMap<>(details == null ? Map.of() : details);
        if (r.urgent) {
            first.put("urgent", true);
        }
        workflow.submitted(r, actor, first);
        return r;
    }

    @Transactional
    public ReportView get(long id, Locale locale) {
        return views.view(visible(id), locale);
    }

    /** The reports the caller filed or joined with "me too", newest first: the caller follows both. */
    @Transactional
    public Page<ReportSummary> mine(int page, int size, Locale locale) {
        // a union of the two index lookups: "filed or joined" as one condition with OR reads the whole township
        PanacheQuery<Report> query = Report.find("id in (select r.id from Report r where r.reporterSubject = ?1 "
                + "union select s.reportId from ReportSupporter s where s.subject = ?1) order by createdAt desc, id desc",
                caller.subject());
        return new Page<>(views.summaries(query.page(page, size).list(), locale, null, null), page, size,
                query.count());
    }

    /** Open reports of the category near a point, nearest first: shown before filing, to say "me too" instead. */
    @Transactional
    public List<ReportSummary> nearby(String categoryCode, double lon, double lat, Locale locale) {
        ReportCategory category = ReportCategory.byCode(categoryCode)
                .orElseThrow(() -> ProblemException.badRequest("report.category.unknown", categoryCode));
        int radius = config.reports().nearbyMetres();
        double dLat = radius / 111_000.0;
        double dLon = radius / (111_000.0 * Math.max(0.1, Math.cos(Math.toRadians(lat))));
        List<Report> candidates = Report.list("categoryId = ?1 and state in ?2 and lon between ?3 and ?4 "
                        + "and lat between ?5 and ?6", category.id, ReportState.OPEN, lon - dLon, lon + dLon,
                lat - dLat, lat + dLat);
        return views.summaries(candidates, locale, lon, lat).stream()
                .filter(s -> s.metres() <= radius)
                .sorted(Comparator.comparingLong(ReportSummary::metres))
                .limit(10)
                .toList();
    }

    /** The caller met the same hazard: joins the open report (once) instead of filing another. */
    @Transactional
    public ReportView meToo(long id, Locale locale) {
        riders.current();
        Report r = require(id);
        if (!ReportState.OPEN.contains(r.state)) {
            throw ProblemException.conflict("report.not-open", id, r.state);
        }
        if (caller.subject().equals(r.reporterSubject)) {
            throw ProblemException.conflict("report.me-too-own", id);
        }
        if (ReportSupporter.count("reportId = ?1 and subject = ?2", id, caller.subject()) == 0) {
            ReportSupporter s = new ReportSupporter();
            s.reportId = id;
            s.subject = caller.subject();
            s.persist();
            workflow.record(r, "me_too", actors.current(), null, null);
        }
        return views.view(r, locale);
    }

    /** The reporting rider's verdict on the fix: fixed closes it, not fixed reopens it for the dispatcher. */
    @Transactional
    public ReportView verify(long id, VerificationForm form, List<PhotoIntake.Processed> processed, Locale locale) {
        Report r = require(id);
        if (!caller.subject().equals(r.reporterSubject)) {
            throw ProblemException.forbidden("report.not-reporter", id);
        }
        boolean fixed = form.fixed;
        ReportEvent event = workflow.apply(r, fixed ? ReportAction.verify_fixed : ReportAction.verify_not_fixed,
                actors.current(), blankToNull(form.comment), ReportViews.details("rating", form.rating));
        r.verified = fixed;
        r.rating = form.rating == null ? null : form.rating.shortValue();
        r.ratingComment = blankToNull(form.comment);
        photos.store(r.id, event.id, ReportPhoto.VERIFICATION, caller.subject(), processed);
        return views.view(r, locale);
    }

    /** A photo's bytes (or its thumbnail's), for whoever may see its report. */
    @Transactional
    public byte[] photo(long reportId, long photoId, boolean thumbnail) {
        visible(reportId);
        ReportPhoto p = ReportPhoto.<ReportPhoto>find("id = ?1 and reportId = ?2", photoId, reportId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("report.photo.unknown", photoId));
        return photos.read(p, thumbnail);
    }

    /** The report, if the caller may see it: staff see every report, riders theirs and those they joined. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Report visible(long id) {
        Report r = require(id);
        Set<Role> roles = caller.tenantRoles().getOrDefault(tenant.code(), Set.of());
        boolean staff = roles.stream().anyMatch(STAFF::contains) || caller.isPlatformOperator();
        if (!staff && !caller.subject().equals(r.reporterSubject)
                && ReportSupporter.count("reportId = ?1 and subject = ?2", id, caller.subject()) == 0) {
            throw ProblemException.notFound("report.unknown", id);
        }
        return r;
    }

    public static Report require(long id) {
        return Report.<Report>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("report.unknown", id));
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
