package cn.fengxing.station.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.station.api.StationSettingsSpec;
import cn.fengxing.station.api.StationSettingsView;
import cn.fengxing.station.api.StationSettingsView.Amenity;
import cn.fengxing.station.api.StationSettingsView.Grade;
import cn.fengxing.station.api.StationSettingsView.Service;
import cn.fengxing.station.entity.StationSettings;
import cn.fengxing.tenancy.service.TenantContext;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The township's station settings: grade definitions, the amenity list and the "1+7+X" service
 * catalogue (北大街: one station, 7 basic services, extra ones per station). A township starts with
 * the defaults below, made on first read; its admin edits each list. A code still used by a
 * station cannot be removed.
 */
@ApplicationScoped
public class StationSettingsService {

    static final List<Grade> DEFAULT_GRADES = List.of(
            new Grade("A", "商业街区驿站：饮用水、冰箱、微波炉", "In shopping streets: drinking water, fridge, microwave"),
            new Grade("B", "社区党群服务中心驿站：餐食、午休、卫生间、电动车充电",
                    "In community centres: meals, naps, toilets, e-bike charging"),
            new Grade("C", "商户驿站：手机充电、遮阳避雨", "At merchants: phone charging and shade"));

    static final List<Amenity> DEFAULT_AMENITIES = List.of(
            new Amenity("water", "饮用水", "Drinking water", false),
            new Amenity("hot_water", "热水", "Hot water", false),
            new Amenity("phone_charging", "手机充电", "Phone charging", false),
            new Amenity("ebike_charging", "电动车充电", "E-bike charging", false),
            new Amenity("seats", "座椅", "Seats", false),
            new Amenity("microwave", "微波炉", "Microwave", false),
            new Amenity("fridge", "冰箱", "Fridge", false),
            new Amenity("first_aid", "急救箱", "First aid kit", false),
            new Amenity("meals", "餐食", "Meals", true),
            new Amenity("haircut", "理发", "Haircut", false),
            new Amenity("books", "书籍", "Books", false),
            new Amenity("toilet", "卫生间", "Toilet", false),
            new Amenity("air_conditioning", "空调", "Air conditioning", false),
            new Amenity("shade", "遮阳", "Shade", false));

    static final List<Service> DEFAULT_SERVICES = List.of(
            new Service("rest", "歇脚休息", "A place to rest", true),
            new Service("drinking_water", "饮水", "Drinking water", true),
            new Service("charging", "充电", "Charging", true),
            new Service("meal_heating", "热饭", "Heating meals", true),
            new Service("toilet", "如厕", "Toilet", true),
            new Service("first_aid", "应急药箱", "First aid", true),
            new Service("shelter", "避暑取暖", "Shelter from heat and cold", true),
            new Service("haircut", "义务理发", "Free haircuts", false),
            new Service("legal_advice", "法律咨询", "Legal advice", false),
            new Service("counselling", "心理疏导", "Counselling", false),
            new Service("repair_tools", "维修工具", "Repair tools", false),
            new Service("reading", "图书阅读", "Reading corner", false),
            new Service("training", "技能培训", "Skills training", false));

    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Inject
    TenantContext tenant;

    @Transactional
    public StationSettingsView get() {
        return view(settings());
    }

    @Transactional
    public StationSettingsView replaceGrades(List<Grade> grades) {
        StationSettings s = settings();
        checkCodes(grades, Grade::code, "grades");
        checkRemoved(view(s).grades(), grades, Grade::code, "grade",
                code -> count("select count(*) from station where tenant_id = :tenant and grade = :code", code));
        s.grades = rows(grades);
        audit.record(tenant.code(), "station-settings.grades", "grades", Map.of("codes", grades.stream().map(Grade::code).toList()));
        return changed(s);
    }

    @Transactional
    public StationSettingsView replaceAmenities(List<Amenity> amenities) {
        StationSettings s = settings();
        checkCodes(amenities, Amenity::code, "amenities");
        checkRemoved(view(s).amenities(), amenities, Amenity::code, "amenity",
                code -> count("select count(*) from station where tenant_id = :tenant "
                        + "and amenities @> cast(:code as jsonb)", json.valueToTree(List.of(Map.of("code", code))).toString()));
        s.amenities = rows(amenities);
        audit.record(tenant.code(), "station-settings.amenities", "amenities", Map.of("codes", amenities.stream().map(Amenity::code).toList()));
        return changed(s);
    }

    @Transactional
    public StationSettingsView replaceServices(List<Service> services) {
        StationSettings s = settings();
        checkCodes(services, Service::code, "services");
        checkRemoved(view(s).services(), services, Service::code, "service",
                code -> count("select count(*) from station where tenant_id = :tenant and :code = any(services)", code));
        s.services = rows(services);
        audit.record(tenant.code(), "station-settings.services", "services", Map.of("codes", services.stream().map(Service::code).toList()));
        return changed(s);
    }

    /** Applies the manifest's settings: each list given replaces the township's; returns the change lines. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> apply(StationSettingsSpec spec) {
        StationSettingsView before = view(settings());
        List<String> changes = new ArrayList<>();
        if (spec.grades() != null && !spec.grades().equals(before.grades())) {
            replaceGrades(spec.grades());
            changes.add("~ stationSettings grades");
        }
        if (spec.amenities() != null && !spec.amenities().equals(before.amenities())) {
            replaceAmenities(spec.amenities());
            changes.add("~ stationSettings amenities");
        }
        if (spec.services() != null && !spec.services().equals(before.services())) {
            replaceServices(spec.services());
            changes.add("~ stationSettings services");
        }
        return changes;
    }

    /**
     * The settings row, made with the defaults on first use. The console reads settings from several
     * screens at once, so two first reads may race: the insert yields to the one that won.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StationSettings settings() {
        StationSettings s = StationSettings.findAll().firstResult();
        if (s != null) {
            return s;
        }
        Panache.getEntityManager().createNativeQuery("insert into station_settings (tenant_id, grades, amenities, services) "
                        + "values (:tenant, cast(:grades as jsonb), cast(:amenities as jsonb), cast(:services as jsonb)) "
                        + "on conflict (tenant_id) do nothing")
                .setParameter("tenant", tenant.code())
                .setParameter("grades", json.valueToTree(DEFAULT_GRADES).toString())
                .setParameter("amenities", json.valueToTree(DEFAULT_AMENITIES).toString())
                .setParameter("services", json.valueToTree(DEFAULT_SERVICES).toString())
                .executeUpdate();
        return StationSettings.findAll().firstResult();
    }

    public StationSettingsView view(StationSettings s) {
        return new StationSettingsView(
                json.convertValue(s.grades, new TypeReference<List<Grade>>() {
                }),
                json.convertValue(s.amenities, new TypeReference<List<Amenity>>() {
                }),
                json.convertValue(s.services, new TypeReference<List<Service>>() {
                }));
    }

    private StationSettingsView changed(StationSettings s) {
        s.updatedAt = OffsetDateTime.now();
        return view(s);
    }

    private List<Map<String, Object>> rows(List<?> items) {
        return json.convertValue(items, ROWS);
    }

    private static <T> void checkCodes(List<T> items, Function<T, String> code, String field) {
        Set<String> seen = new HashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(code.apply(items.get(i)))) {
                violations.add(new Violation(field + "[" + i + "].code", "station.settings-duplicate", code.apply(items.get(i))));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private static <T> void checkRemoved(List<T> before, List<T> after, Function<T, String> code, String what,
                                         Function<String, Long> uses) {
        Set<String> kept = new HashSet<>(after.stream().map(code).toList());
        for (T old : before) {
            String c = code.apply(old);
            long n = kept.contains(c) ? 0 : uses.apply(c);
            if (n > 0) {
                throw ProblemException.conflict("station.settings-in-use", what, c, n);
            }
        }
    }

    private long count(String sql, String code) {
        return ((Number) Panache.getEntityManager().createNativeQuery(sql)
                .setParameter("tenant", tenant.code()).setParameter("code", code).getSingleResult()).longValue();
    }
}
