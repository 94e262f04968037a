package cn.fengxing.open311.service;

import cn.fengxing.common.problem.Messages;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.common.text.Text;
import cn.fengxing.open311.api.Discovery;
import cn.fengxing.open311.api.Open311Format;
import cn.fengxing.open311.api.Open311Service;
import cn.fengxing.open311.api.RequestReceipt;
import cn.fengxing.open311.api.ServiceDefinition;
import cn.fengxing.open311.api.ServiceRequest;
import cn.fengxing.open311.api.ServiceRequestForm;
import cn.fengxing.open311.api.TokenLookup;
import cn.fengxing.open311.entity.Open311Key;
import cn.fengxing.report.api.ReportState;
import cn.fengxing.report.entity.Department;
import cn.fengxing.report.entity.Report;
import cn.fengxing.report.entity.ReportCategory;
import cn.fengxing.report.entity.ReportEvent;
import cn.fengxing.report.service.ReportActors;
import cn.fengxing.report.service.ReportDeadlines;
import cn.fengxing.report.service.ReportService;
import cn.fengxing.report.service.ReportViews;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Open311 GeoReport v2 for the current township (jurisdiction_id = its code): its report categories as services,
 * its reports as service requests, and new requests filed through the same step as the app's reports.
 * Requests are open while the case is being worked on or awaits the reporter's verification (submitted,
 * dispatched, in progress, reopened, resolved) and closed once concluded (ReportState.CLOSED), the same split
 * as the figures' closure rate.
 */
@ApplicationScoped
public class GeoReports {

    /** Most requests one GET requests returns. */
    public static final int MAX_REQUESTS = 1000;

    /** The default and the widest date range of GET requests. */
    public static final Duration WINDOW = Duration.ofDays(90);

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    static final String OPEN = "open";
    static final String CLOSED = "closed";

    /** The one attribute a service can take: the app's "urgent" flag (categories urgent anyway do without). */
    static final String URGENT = "urgent";

    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_TEXT = 300;
    static final int MAX_NAME = 100;
    static final int MAX_URL = 1000;

    /** The filters of GET requests, as sent (comma lists, W3C datetimes); null: not given. */
    public record Query(String jurisdictionId, String serviceRequestIds, String serviceCodes, String startDate,
                       String endDate, String status) {
    }

    @Inject
    TenantContext tenant;

    @Inject
    ReportService reports;

    @Inject
    ReportActors actors;

    @Inject
    Open311Keys keys;

    @Inject
    ReportDeadlines deadlines;

    /** The township's endpoint: where it is, what it serves, whom to ask for a key. */
    @Transactional
    public Discovery discovery(String jurisdictionId, String url, Locale locale) {
        checkJurisdiction(jurisdictionId);
        Tenant t = Tenant.byCode(tenant.code()).orElseThrow();
        OffsetDateTime changed = Panache.getEntityManager()
                .createQuery("select max(c.updatedAt) from ReportCategory c", OffsetDateTime.class).getSingleResult();
        String changeset = w3c(changed == null || changed.isBefore(t.updatedAt) ? t.updatedAt : changed);
        String name = english(locale) && t.nameEn != null ? t.nameEn : t.name;
        return new Discovery(changeset, Messages.get(locale, "open311.contact", name),
                Messages.get(locale, "open311.key-service", name),
                List.of(new Discovery.Endpoint(SPECIFICATION, url, changeset, "production",
                        Arrays.stream(Open311Format.values()).map(f -> f.mediaType).toList())));
    }

    /** Every active category, in the app's order. */
    @Transactional
    public List<Open311Service> services(String jurisdictionId, Locale locale) {
        checkJurisdiction(jurisdictionId);
        Map<Long, ReportCategory> all = categories();
        return all.values().stream().filter(c -> c.active)
                .sorted(Comparator.comparingInt((ReportCategory c) -> c.sortOrder).thenComparing(c -> c.code))
                .map(c -> service(c, all, locale)).toList();
    }

    @Transactional
    public ServiceDefinition definition(String jurisdictionId, String serviceCode, Locale locale) {
        checkJurisdiction(jurisdictionId);
        ReportCategory c = service(serviceCode);
        return new ServiceDefinition(c.code, attributes(c, locale));
    }

    /**
     * Files a service request as a report from source open311: checked as the spec says (jurisdiction 404, key
     * 403, service 404, parameters 400, each named), then opened like an app report but without photos. Its
     * timeline names the key's holder; the requester's name is kept as the reporter's, nothing else of them.
     */
    @Transactional
    public RequestReceipt create(ServiceRequestForm form, Locale locale) {
        checkJurisdiction(form.jurisdictionId());
        Open311Key key = keys.verify(form.apiKey());
        if (form.serviceCode() == null) {
            throw ProblemException.invalid(List.of(new Violation("service_code", "open311.required")));
        }
        ReportCategory category = service(form.serviceCode());
        List<Violation> violations = new ArrayList<>();
        Double lat = coordinate(form.lat(), "lat", 90, violations);
        Double lon = coordinate(form.lon(), "long", 180, violations);
        limit(form.description(), "description", MAX_DESCRIPTION, violations);
        limit(form.addressString(), "address_string", MAX_TEXT, violations);
        limit(form.firstName(), "first_name", MAX_NAME, violations);
        limit(form.lastName(), "last_name", MAX_NAME, violations);
        if (form.mediaUrl() != null && !webLink(form.mediaUrl())) {
            violations.add(new Violation("media_url", "open311.media-url", MAX_URL));
        }
        boolean urgent = urgent(category, form.attributes(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        String description = form.description() != null ? form.description() : category.nameZh;
        Report r = reports.open(new ReportService.Opening(category, description, lon, lat, form.addressString(),
                        urgent, Report.SOURCE_OPEN311, false), new ReportService.Reporter(null, null,
                        name(form.firstName(), form.lastName())), OffsetDateTime.now(),
                new ReportActors.Actor("open311:" + key.prefix, key.name),
                ReportViews.details("apiKey", key.prefix, "mediaUrl", form.mediaUrl()), k -> k.mediaUrl = form.mediaUrl());
        if (r.urgent) {
            deadlines.escalate(r); // urgent: to the tenant admin at once, as from the app
        }
        ReportEvent received = ReportEvent.of(r.id).get(0);
        return new RequestReceipt(r.id, r.token, english(locale) ? received.feedbackEn : received.feedbackZh, null);
    }

    /**
     * GET requests: the listed ids (every other filter then ignored), or the requests filed in a range of at most
     * 90 days (default: the last 90) of the given services and statuses; newest first, at most 1000.
     */
    @Transactional
    public List<ServiceRequest> search(Query q, Locale locale) {
        checkJurisdiction(q.jurisdictionId());
        List<Violation> violations = new ArrayList<>();
        if (q.serviceRequestIds() != null) {
            List<Long> ids = ids(q.serviceRequestIds(), violations);
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
            return views(Report.<Report>list("id in ?1 order by createdAt desc, id desc", ids), locale);
        }
        OffsetDateTime start = datetime(q.startDate(), "start_date", violations);
        OffsetDateTime end = datetime(q.endDate(), "end_date", violations);
        if (violations.isEmpty()) {
            if (start == null && end == null) {
                end = OffsetDateTime.now();
            }
            start = start != null ? start : end.minus(WINDOW);
            end = end != null ? end : start.plus(WINDOW);
            if (end.isBefore(start)) {
                violations.add(new Violation("end_date", "open311.date-order"));
            } else if (Duration.between(start, end).compareTo(WINDOW) > 0) {
                violations.add(new Violation("end_date", "open311.date-range", WINDOW.toDays()));
            }
        }
        List<Long> categoryIds = q.serviceCodes() == null ? null : categoryIds(q.serviceCodes(), violations);
        Set<ReportState> states = q.status() == null ? null : states(q.status(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        StringBuilder where = new StringBuilder("createdAt >= :start and createdAt <= :end");
        Map<String, Object> params = new LinkedHashMap<>(Map.of("start", start, "end", end));
        if (categoryIds != null) {
            where.append(" and categoryId in :categories");
            params.put("categories", categoryIds);
        }
        if (states != null) {
            where.append(" and state in :states");
            params.put("states", states);
        }
        return views(Report.<Report>find(where + " order by createdAt desc, id desc", params)
                .page(0, MAX_REQUESTS).list(), locale);
    }

    /** One request, as a list of one (the spec's shape). */
    @Transactional
    public List<ServiceRequest> get(String jurisdictionId, long id, Locale locale) {
        checkJurisdiction(jurisdictionId);
        Report r = Report.<Report>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("open311.request.unknown", String.valueOf(id)));
        return views(List.of(r), locale);
    }

    @Transactional
    public TokenLookup token(String jurisdictionId, String token) {
        checkJurisdiction(jurisdictionId);
        UUID uuid;
        try {
            uuid = UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("open311.token.unknown", token);
        }
        Report r = Report.<Report>find("token", uuid).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("open311.token.unknown", token));
        return new TokenLookup(r.id, r.token);
    }

    // ---- mapping

    private List<ServiceRequest> views(List<Report> found, Locale locale) {
        if (found.isEmpty()) {
            return List.of();
        }
        boolean english = english(locale);
        Map<Long, ReportCategory> categories = categories();
        Map<Long, String> departments = Department.<Department>listAll().stream()
                .collect(Collectors.toMap(d -> d.id, d -> d.name));
        Map<String, String> members = actors.memberNames();
        Map<Long, String> notes = latestFeedback(found.stream().map(r -> r.id).toList(), english);
        return found.stream().map(r -> {
            ReportCategory c = categories.get(r.categoryId);
            String agency = r.departmentId != null ? departments.get(r.departmentId)
                    : r.assigneeSubject != null ? members.get(r.assigneeSubject) : null;
            return new ServiceRequest(r.id, ReportState.CLOSED.contains(r.state) ? CLOSED : OPEN, notes.get(r.id),
                    name(c, english), c.code, r.description, agency, null, w3c(r.createdAt), w3c(r.updatedAt),
                    w3c(r.resolveDue), r.address, null, null, r.lat, r.lon, r.mediaUrl);
        }).toList();
    }

    /** The latest message each report's reporter received (one query for the whole list). */
    private Map<Long, String> latestFeedback(List<Long> ids, boolean english) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                        "select distinct on (report_id) report_id, " + (english ? "feedback_en" : "feedback_zh")
                                + " from report_event where tenant_id = :tenant and report_id in (:ids)"
                                + " and feedback_zh is not null order by report_id, at desc, id desc")
                .setParameter("tenant", tenant.code()).setParameter("ids", ids).getResultList();
        Map<Long, String> notes = new HashMap<>();
        rows.forEach(row -> notes.put(((Number) row[0]).longValue(), (String) row[1]));
        return notes;
    }

    private Open311Service service(ReportCategory c, Map<Long, ReportCategory> all, Locale locale) {
        boolean english = english(locale);
        ReportCategory group = c.parentId == null ? c : all.get(c.parentId);
        String description = c.emergencyStop && c.hotlineText != null ? c.hotlineText
                : group == c ? name(c, english) : name(group, english) + " › " + name(c, english);
        return new Open311Service(c.code, name(c, english), description, !attributes(c, locale).isEmpty(), "realtime",
                c.nameZh + ", " + c.nameEn, name(group, english));
    }

    /** Categories urgent by themselves take no attributes; the others ask whether it is urgent. */
    private static List<ServiceDefinition.Attribute> attributes(ReportCategory c, Locale locale) {
        if (c.urgent || c.emergencyStop) {
            return List.of();
        }
        return List.of(new ServiceDefinition.Attribute(true, URGENT, "singlevaluelist", false, null, 1,
                Messages.get(locale, "open311.attribute.urgent"), List.of(
                new ServiceDefinition.Value("true", Messages.get(locale, "open311.attribute.urgent.true")),
                new ServiceDefinition.Value("false", Messages.get(locale, "open311.attribute.urgent.false")))));
    }

    // ---- checks

    /** A jurisdiction_id, when given, must be this endpoint's township: one township per endpoint. */
    private void checkJurisdiction(String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.isBlank() && !jurisdictionId.strip().equals(tenant.code())) {
            throw ProblemException.notFound("open311.jurisdiction", jurisdictionId.strip(), tenant.code());
        }
    }

    private static ReportCategory service(String code) {
        return ReportCategory.byCode(code).filter(c -> c.active)
                .orElseThrow(() -> ProblemException.notFound("open311.service.unknown", code));
    }

    private static Map<Long, ReportCategory> categories() {
        return ReportCategory.<ReportCategory>listAll().stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
    }

    /** attribute[urgent] is the only attribute, and only of services that define it. */
    private static boolean urgent(ReportCategory category, Map<String, String> attributes, List<Violation> violations) {
        boolean defined = !category.urgent && !category.emergencyStop;
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            String field = "attribute[" + a.getKey() + "]";
            if (!defined || !URGENT.equals(a.getKey())) {
                violations.add(new Violation(field, "open311.attribute.unknown", a.getKey(), category.code));
            } else if (!Set.of("true", "false").contains(a.getValue())) {
                violations.add(new Violation(field, "open311.attribute.value", a.getValue()));
            }
        }
        return "true".equals(attributes.get(URGENT));
    }

    private static Double coordinate(String value, String field, double bound, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(field, "open311.location.required"));
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d) && Math.abs(d) <= bound) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Violation(field, "open311.coordinate", value, -bound, bound));
        return null;
    }

    /** Free text people read: at most {@code max} characters, and {@link Text#readable}. */
    private static void limit(String value, String field, int max, List<Violation> violations) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "open311.too-long", max));
        } else if (!Text.readable(value)) {
            violations.add(new Violation(field, Text.READABLE));
        }
    }

    private static boolean webLink(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static List<Long> ids(String list, List<Violation> violations) {
        List<Long> ids = new ArrayList<>();
        for (String part : list.split(",")) {
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                violations.add(new Violation("service_request_id", "open311.id", part.strip()));
            }
        }
        if (ids.isEmpty() && violations.isEmpty()) {
            violations.add(new Violation("service_request_id", "open311.id", list));
        }
        if (ids.size() > MAX_REQUESTS) {
            violations.add(new Violation("service_request_id", "open311.too-many", MAX_REQUESTS));
        }
        return ids;
    }

    private static List<Long> categoryIds(String list, List<Violation> violations) {
        List<Long> ids = new ArrayList<>();
        for (String code : list.split(",")) {
            ReportCategory c = ReportCategory.byCode(code.strip()).orElse(null);
            if (c == null) {
                violations.add(new Violation("service_code", "open311.service.unknown", code.strip()));
            } else {
                ids.add(c.id);
            }
        }
        return ids;
    }

    private static Set<ReportState> states(String list, List<Violation> violations) {
        Set<ReportState> states = EnumSet.noneOf(ReportState.class);
        for (String status : list.split(",")) {
            switch (status.strip()) {
                case OPEN -> states.addAll(EnumSet.complementOf(EnumSet.copyOf(ReportState.CLOSED)));
                case CLOSED -> states.addAll(ReportState.CLOSED);
                default -> violations.add(new Violation("status", "open311.status", status.strip()));
            }
        }
        return states;
    }

    /**
     * A W3C datetime (2010-01-01T00:00:00Z, or with an offset; a '+' that arrived as a space is read as one), or a
     * date alone, which starts at midnight in the township's time zone.
     */
    private OffsetDateTime datetime(String value, String field, List<Violation> violations) {
        if (value == null) {
            return null;
        }
        String text = value.replace(' ', '+');
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            try {
                ZoneId zone = ZoneId.of(Tenant.byCode(tenant.code()).map(t -> t.timeZone).orElseThrow());
                return LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime();
            } catch (DateTimeParseException notADate) {
                violations.add(new Violation(field, "open311.datetime", value));
                return null;
            }
        }
    }

    // ---- text

    /** W3C datetime in UTC, to the second. */
    static String w3c(OffsetDateTime at) {
        return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String name(ReportCategory c, boolean english) {
        return english ? c.nameEn : c.nameZh;
    }

    /** The requester's name as people write it: 张三 for Chinese names, "Jane Doe" otherwise. */
    static String name(String first, String last) {
        if (first == null || last == null) {
            return first != null ? first : last;
        }
        boolean chinese = (first + last).codePoints()
                .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        return chinese ? last + first : first + " " + last;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
