package cn.fengxing.admin.demo;

import cn.fengxing.admin.ManifestLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo tenant manifests in deploy/demo/tenants: well-formed, consistent, true to the articles. */
class DemoManifestsTest {

    static final Path DIR = Path.of(System.getProperty("fengxing.demo.tenants", "../deploy/demo/tenants"));
    static final Set<String> TENANT_ROLES = Set.of("dispatcher", "handler", "rider", "station_keeper", "tenant_admin");
    static final Set<String> GRID_TYPES = Set.of("basic", "business", "fusion", "mobile");
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern SIX_DECIMALS = Pattern.compile("-?\\d{1,3}(\\.\\d{1,6})?");

    /** code → region, admin subject, communities, grids (top level), micro-grids, centre lon/lat, friendly communities. */
    record Expected(List<String> region, String admin, int communities, int grids, int microGrids,
                    double lon, double lat, int friendlyCommunities) {
    }

    static final Map<String, Expected> EXPECTED = Map.of(
            "ningxiang", new Expected(List.of("山西省", "吕梁市", "中阳县"), "101", 6, 12, 0, 111.19, 37.36, 25),
            "beidajie", new Expected(List.of("山西省", "阳泉市", "城区"), "102", 9, 50, 321, 113.57, 37.86, 0),
            "shanyang", new Expected(List.of("河南省", "焦作市"), "103", 35, 35, 0, 113.25, 35.22, 0),
            "gongcheng", new Expected(List.of("黑龙江省", "哈尔滨市", "道里区"), "104", 5, 10, 0, 126.61, 45.76, 0),
            "yuetan", new Expected(List.of("北京市", "西城区"), "105", 26, 26, 0, 116.35, 39.91, 0));

    @ParameterizedTest
    @ValueSource(strings = {"ningxiang", "beidajie", "shanyang", "gongcheng", "yuetan"})
    void manifestIsValid(String code) {
        Path file = DIR.resolve(code + ".yaml");
        ObjectNode manifest = new ManifestLoader().load(file);
        Expected expected = EXPECTED.get(code);

        assertEquals(code, manifest.path("code").asText());
        assertTrue(ManifestLoader.CODE.matcher(code).matches());
        assertFalse(manifest.path("name").asText().isBlank());
        assertFalse(manifest.path("nameEn").asText().isBlank());
        assertEquals("Asia/Shanghai", manifest.path("timeZone").asText());
        assertTrue(manifest.path("settings").isObject());
        List<String> region = new ArrayList<>();
        manifest.path("region").forEach(level -> region.add(level.asText()));
        assertEquals(expected.region(), region);

        Set<String> subjects = new HashSet<>();
        boolean hasAdmin = false;
        for (JsonNode member : manifest.path("members")) {
            String subject = member.path("subject").asText();
            assertTrue(UUID.matcher(subject).matches(), subject);
            assertTrue(subjects.add(subject), "duplicate member " + subject);
            assertFalse(member.path("name").asText().isBlank());
            assertFalse(member.path("roles").isEmpty());
            for (JsonNode role : member.path("roles")) {
                assertTrue(TENANT_ROLES.contains(role.asText()), role.asText());
            }
            hasAdmin |= subject.equals("00000000-0000-4000-8000-000000000" + expected.admin())
                    && member.path("roles").toString().contains("\"tenant_admin\"");
        }
        assertTrue(hasAdmin, code + " has its admin");

        Set<String> communities = new HashSet<>();
        for (JsonNode community : manifest.path("communities")) {
            assertTrue(community.path("code").asText().matches("c\\d{2}"));
            assertTrue(community.path("name").asText().endsWith("社区"), community.path("name").asText());
            assertTrue(communities.add(community.path("code").asText()));
        }
        assertEquals(expected.communities(), communities.size());

        checkGrids(code, manifest.path("grids"), communities, expected);
        checkFriendlyCommunities(manifest.path("friendlyCommunities"), communities, expected);
    }

    static final Set<String> MAP_KINDS = Set.of("entrance", "building", "unit", "parking", "facility", "landmark");

    /**
     * 骑手友好小区 (宁乡 has 25): near the township, each map with an entrance and rider parking, entrances and
     * unit doors as points; some maps outline their buildings, with their units.
     */
    private static void checkFriendlyCommunities(JsonNode friendly, Set<String> communities, Expected expected) {
        assertEquals(expected.friendlyCommunities(), friendly.size());
        Set<String> codes = new HashSet<>();
        int withUnits = 0;
        for (JsonNode f : friendly) {
            String code = f.path("code").asText();
            assertTrue(codes.add(code), "duplicate friendly community " + code);
            assertTrue(f.path("name").asText().matches(".*(小区|花园|苑|家园|园|新村|雅居|华庭|里)"), f.path("name").asText());
            assertTrue(communities.contains(f.path("community").asText()), code);
            assertTrue(Math.abs(f.path("lon").asDouble() - expected.lon()) < 0.05, code);
            assertTrue(Math.abs(f.path("lat").asDouble() - expected.lat()) < 0.05, code);
            JsonNode features = f.path("map").path("features");
            assertEquals("FeatureCollection", f.path("map").path("type").asText());
            assertTrue(features.size() >= 2 && features.size() <= 20, code);
            Set<String> kinds = new HashSet<>();
            for (JsonNode feature : features) {
                String kind = feature.path("properties").path("kind").asText();
                assertTrue(MAP_KINDS.contains(kind), code);
                assertFalse(feature.path("properties").path("label").asText().isBlank(), code);
                if (kind.equals("entrance") || kind.equals("unit")) {
                    assertEquals("Point", feature.path("geometry").path("type").asText(), code);
                }
                kinds.add(kind);
            }
            assertTrue(kinds.containsAll(Set.of("entrance", "parking")), code);
            if (kinds.containsAll(Set.of("building", "unit"))) {
                withUnits++;
            }
        }
        assertTrue(friendly.isEmpty() || withUnits >= 5, "friendly communities with buildings and units: " + withUnits);
    }

    private static void checkGrids(String code, JsonNode grids, Set<String> communities, Expected expected) {
        assertEquals("FeatureCollection", grids.path("type").asText());
        Map<String, JsonNode> byCode = new HashMap<>();
        Map<String, double[]> boxes = new HashMap<>();
        for (JsonNode feature : grids.path("features")) {
            assertEquals("Feature", feature.path("type").asText());
            JsonNode properties = feature.path("properties");
            String gridCode = properties.path("code").asText();
            assertTrue(gridCode.matches("[a-z0-9-]+"), gridCode);
            assertFalse(byCode.containsKey(gridCode), "duplicate grid " + gridCode);
            byCode.put(gridCode, feature);
            assertTrue(communities.contains(properties.path("community").asText()), gridCode);
            assertTrue(properties.path("name").asText().contains("网格"));
            assertTrue(GRID_TYPES.contains(properties.path("type").asText()), gridCode);
            assertTrue(properties.path("households").canConvertToInt() && properties.path("households").asInt() > 0);
            assertTrue(properties.has("parent"));
            boxes.put(gridCode, checkPolygon(gridCode, feature.path("geometry"), expected));
        }

        List<String> top = new ArrayList<>();
        Map<String, List<String>> children = new HashMap<>();
        for (JsonNode feature : byCode.values()) {
            JsonNode properties = feature.path("properties");
            String gridCode = properties.path("code").asText();
            if (properties.path("parent").isNull()) {
                top.add(gridCode);
                continue;
            }
            JsonNode parent = byCode.get(properties.path("parent").asText());
            assertNotNull(parent, gridCode + " has an existing parent");
            assertTrue(parent.path("properties").path("parent").isNull(), "one level of micro-grids");
            assertEquals(parent.path("properties").path("community").asText(), properties.path("community").asText());
            assertTrue(inside(boxes.get(gridCode), boxes.get(parent.path("properties").path("code").asText())),
                    gridCode + " inside its grid");
            children.computeIfAbsent(properties.path("parent").asText(), k -> new ArrayList<>()).add(gridCode);
        }
        assertEquals(expected.grids(), top.size(), code + " grids");
        assertEquals(expected.microGrids(), byCode.size() - top.size(), code + " micro-grids");

        // grids do not overlap one another; micro-grids of one grid do not overlap one another
        assertDisjoint(top, boxes);
        children.values().forEach(siblings -> assertDisjoint(siblings, boxes));
        // a grid with micro-grids holds their households
        children.forEach((grid, micro) -> assertEquals(
                byCode.get(grid).path("properties").path("households").asInt(),
                micro.stream().mapToInt(m -> byCode.get(m).path("properties").path("households").asInt()).sum(),
                grid + " households = sum of its micro-grids"));
    }

    /** Closed, counter-clockwise, 6-decimal, axis-aligned rectangle near the place's centre; returns its box. */
    private static double[] checkPolygon(String gridCode, JsonNode geometry, Expected expected) {
        assertEquals("Polygon", geometry.path("type").asText());
        assertEquals(1, geometry.path("coordinates").size(), gridCode + " has one ring");
        JsonNode ring = geometry.path("coordinates").get(0);
        assertTrue(ring.size() >= 4, gridCode);
        assertEquals(ring.get(0), ring.get(ring.size() - 1), gridCode + " ring closed");
        double area = 0;
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < ring.size(); i++) {
            JsonNode point = ring.get(i);
            assertEquals(2, point.size());
            for (JsonNode ordinate : point) {
                assertTrue(SIX_DECIMALS.matcher(ordinate.asText()).matches(), gridCode + " " + ordinate);
            }
            double x = point.get(0).asDouble();
            double y = point.get(1).asDouble();
            assertTrue(Math.abs(x - expected.lon()) < 0.1 && Math.abs(y - expected.lat()) < 0.1,
                    gridCode + " near the centre");
            box = new double[] {Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)};
            if (i > 0) {
                JsonNode previous = ring.get(i - 1);
                area += previous.get(0).asDouble() * y - x * previous.get(1).asDouble();
            }
        }
        assertTrue(area > 0, gridCode + " exterior ring counter-clockwise");
        // rectangles: the shoelace area equals the box area
        assertEquals((box[2] - box[0]) * (box[3] - box[1]), area / 2, 1e-9, gridCode + " is a rectangle");
        return box;
    }

    private static boolean inside(double[] inner, double[] outer) {
        return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
    }

    private static void assertDisjoint(List<String> codes, Map<String, double[]> boxes) {
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
                double[] a = boxes.get(codes.get(i));
                double[] b = boxes.get(codes.get(j));
                boolean overlap = a[0] < b[2] - 1e-9 && b[0] < a[2] - 1e-9 && a[1] < b[3] - 1e-9 && b[1] < a[3] - 1e-9;
                assertFalse(overlap, codes.get(i) + " overlaps " + codes.get(j));
            }
        }
    }

    /** Stations per kind and merchants per tenant, as the articles count them (docs/product.md §3.4, §3.6). */
    static final Map<String, Map<String, Integer>> STATIONS = Map.of(
            "ningxiang", Map.of("station", 12, "e_station", 10, "fuel_point", 5, "workers_home", 2),
            "beidajie", Map.of("workers_home", 9),
            "shanyang", Map.of("station", 68),
            "yuetan", Map.of("station", 2, "e_station", 56));
    static final Map<String, Integer> MERCHANTS = Map.of("ningxiang", 0, "beidajie", 0, "shanyang", 16, "yuetan", 28);

    @ParameterizedTest
    @ValueSource(strings = {"ningxiang", "beidajie", "shanyang", "yuetan"})
    void stationsAndMerchantsAreTrueToTheArticlesAndInsideTheTownship(String code) {
        ObjectNode manifest = new ManifestLoader().read(DIR.resolve(code + ".yaml"));
        Expected expected = EXPECTED.get(code);
        Set<String> communities = new HashSet<>();
        manifest.path("communities").forEach(c -> communities.add(c.path("code").asText()));
        Map<String, Integer> kinds = new HashMap<>();
        Map<String, String> kindOf = new HashMap<>();
        for (JsonNode station : manifest.path("stations")) {
            String stationCode = station.path("code").asText();
            assertNull(kindOf.put(stationCode, station.path("kind").asText()), "duplicate station " + stationCode);
            kinds.merge(station.path("kind").asText(), 1, Integer::sum);
            if (station.path("kind").asText().equals("station")) {
                assertTrue(Set.of("A", "B", "C").contains(station.path("grade").asText()), stationCode + " has a grade");
            }
            assertTrue(communities.contains(station.path("community").asText()), stationCode);
            assertTrue(station.has("hours"), stationCode);
            checkNear(code, stationCode, station, expected);
        }
        assertEquals(STATIONS.get(code), kinds, code + " stations per kind");
        Set<String> merchants = new HashSet<>();
        for (JsonNode merchant : manifest.path("merchants")) {
            String merchantCode = merchant.path("code").asText();
            assertTrue(merchants.add(merchantCode), "duplicate merchant " + merchantCode);
            assertFalse(merchant.path("discount").asText().isBlank(), merchantCode);
            if (merchant.has("station")) {
                assertEquals("e_station", kindOf.get(merchant.path("station").asText()), merchantCode + " links an E-station");
            }
            checkNear(code, merchantCode, merchant, expected);
        }
        assertEquals(MERCHANTS.get(code), merchants.size(), code + " merchants");
    }

    /** Within 5 km of the place's centre (宁乡's 29 points within 2 km), 6 decimals. */
    private static void checkNear(String code, String what, JsonNode place, Expected expected) {
        double lon = place.path("lon").asDouble();
        double lat = place.path("lat").asDouble();
        assertTrue(SIX_DECIMALS.matcher(place.path("lon").asText()).matches(), what);
        double dx = (lon - expected.lon()) * 111_320 * Math.cos(Math.toRadians(expected.lat()));
        double dy = (lat - expected.lat()) * 110_574;
        assertTrue(Math.hypot(dx, dy) < (code.equals("ningxiang") ? 2_000 : 5_000), what + " near the centre");
    }

    @Test
    void beidajieHasTheArticlesGridsAndMicroGrids() {
        JsonNode grids = new ManifestLoader().load(DIR.resolve("beidajie.yaml")).path("grids");
        int top = 0;
        int micro = 0;
        for (JsonNode feature : grids.path("features")) {
            JsonNode properties = feature.path("properties");
            if (properties.path("parent").isNull()) {
                top++;
                assertEquals("basic", properties.path("type").asText(), "the 50 grids are basic grids");
            } else {
                micro++;
                int households = properties.path("households").asInt();
                assertTrue(households >= 30 && households <= 50, properties.path("code") + ": " + households);
            }
        }
        assertEquals(9, new ManifestLoader().load(DIR.resolve("beidajie.yaml")).path("communities").size());
        assertEquals(50, top);
        assertEquals(321, micro);
    }

    @Test
    void ningxiangDispatchesWithinTenMinutes() {
        JsonNode sla = new ManifestLoader().read(DIR.resolve("ningxiang.yaml")).path("sla");
        assertEquals(10, sla.path("dispatchMinutes").asInt());
    }

    @Test
    void theTwoRidersRouteCrossesNingxiangAndBeidajie() {
        String rider = "00000000-0000-4000-8000-000000000204";
        for (String code : List.of("ningxiang", "beidajie")) {
            JsonNode members = new ManifestLoader().read(DIR.resolve(code + ".yaml")).path("members");
            boolean found = false;
            for (JsonNode member : members) {
                found |= member.path("subject").asText().equals(rider)
                        && member.path("roles").toString().equals("[\"rider\"]");
            }
            assertTrue(found, code + " has the shared rider");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ningxiang", "beidajie", "shanyang", "gongcheng", "yuetan"})
    void gridsFileIsWhatTheGeneratorMakes(String code) throws IOException {
        ObjectNode manifest = new ManifestLoader().read(DIR.resolve(code + ".yaml"));
        assertEquals(code + "-grids.geojson", manifest.path("grids").asText());
        String committed = Files.readString(DIR.resolve(code + "-grids.geojson"), StandardCharsets.UTF_8);
        assertEquals(DemoGridsGenerator.render(manifest), committed,
                "regenerate with DemoGridsGenerator (see its header) after changing " + code + ".yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ningxiang", "beidajie", "shanyang", "gongcheng", "yuetan"})
    void reportHistoryFileIsWhatTheGeneratorMakes(String code) throws IOException {
        ObjectNode manifest = new ManifestLoader().read(DIR.resolve(code + ".yaml"));
        assertEquals(code + "-reports.json", manifest.path("reportHistory").asText());
        assertEquals(DemoReportsGenerator.render(DIR.resolve(code + ".yaml")),
                Files.readString(DIR.resolve(code + "-reports.json"), StandardCharsets.UTF_8),
                "regenerate with DemoReportsGenerator (see its header) after changing " + code + ".yaml or its grids");
    }

    @Test
    void scanHistoryFilesAreWhatTheGeneratorMakes() throws IOException {
        Map<String, String> expected = new HashMap<>();
        expected.put("ningxiang-epasses.json", DemoScansGenerator.epasses(DIR.resolve("ningxiang.yaml")));
        DemoScansGenerator.VISITS.keySet().forEach(code -> expected.put(code + "-visits.json",
                DemoScansGenerator.visits(DIR.resolve(code + ".yaml"))));
        DemoScansGenerator.DISCOUNT_USES.keySet().forEach(code -> expected.put(code + "-discounts.json",
                DemoScansGenerator.discountUses(DIR.resolve(code + ".yaml"))));
        DemoScansGenerator.POINTS.forEach(code -> expected.put(code + "-points.json",
                DemoScansGenerator.points(DIR.resolve(code + ".yaml"))));
        DemoScansGenerator.EVENTS.forEach(code -> expected.put(code + "-events.json",
                DemoScansGenerator.events(DIR.resolve(code + ".yaml"))));
        DemoScansGenerator.SUGGESTIONS.keySet().forEach(code -> expected.put(code + "-suggestions.json",
                DemoScansGenerator.suggestions(DIR.resolve(code + ".yaml"))));
        DemoScansGenerator.CARE.forEach(code -> expected.put(code + "-care.json",
                DemoScansGenerator.care(DIR.resolve(code + ".yaml"))));
        for (Map.Entry<String, String> file : expected.entrySet()) {
            assertEquals(file.getValue(), Files.readString(DIR.resolve(file.getKey()), StandardCharsets.UTF_8),
                    "regenerate with DemoScansGenerator (see its header): " + file.getKey());
        }
    }

    /** The rosters: unique phones and names, each rider joined before anything their history has them do. */
    @ParameterizedTest
    @ValueSource(strings = {"ningxiang", "beidajie", "shanyang", "gongcheng", "yuetan"})
    void everyRiderJoinedBeforeTheirHistory(String code) {
        ObjectNode manifest = new ManifestLoader().load(DIR.resolve(code + ".yaml"));
        Map<String, Integer> joined = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (JsonNode r : manifest.path("riders")) {
            assertNull(joined.put(r.path("phone").asText(), r.path("joinedDaysAgo").asInt(-1)), "duplicate phone");
            assertTrue(names.add(r.path("name").asText()), "duplicate name " + r.path("name").asText());
            int days = r.path("joinedDaysAgo").asInt(-1);
            assertTrue(days >= 0 && days <= 3650, r.path("phone") + " has a joining day");
        }
        int entries = 0;
        for (String section : ManifestLoader.HISTORY) {
            if (section.equals("pairingHistory")) {
                continue; // not a list of entries: yuetansCarePairingHistory checks its riders joined first
            }
            for (JsonNode e : manifest.path(section)) {
                // an event names its attendees, other entries their rider
                List<String> riders = new ArrayList<>();
                e.path("attendees").forEach(r -> riders.add(r.asText()));
                if (!e.has("attendees")) {
                    riders.add(e.path("rider").asText());
                }
                for (String rider : riders) {
                    assertTrue(joined.containsKey(rider), section + " " + e.path("code") + " by a rider of the roster");
                    assertTrue(joined.get(rider) > e.path("daysAgo").asInt(),
                            section + " " + e.path("code") + " after joining");
                }
                entries++;
            }
        }
        assertTrue(entries > 0, code + " has a history");
    }

    /**
     * 爱心存折 where the articles name points (北大街, 山阳, 宁乡): rules for the article's actions, rewards collected at the
     * township's own stations, and 北大街's history paid as its rules pay (上报隐患 once per dispatched report).
     */
    @ParameterizedTest
    @ValueSource(strings = {"ningxiang", "beidajie", "shanyang"})
    void pointsRulesAndRewardsAreTheTownshipsOwn(String code) {
        ObjectNode manifest = new ManifestLoader().load(DIR.resolve(code + ".yaml"));
        Map<String, Integer> pays = new HashMap<>();
        manifest.path("points").path("rules").forEach(r -> pays.put(r.path("action").asText(), r.path("points").asInt()));
        assertTrue(pays.containsKey("report_accepted"), code + " pays for accepted reports");
        Set<String> stations = new HashSet<>();
        manifest.path("stations").forEach(st -> stations.add(st.path("code").asText()));
        assertFalse(manifest.path("points").path("rewards").isEmpty(), code + " has rewards");
        manifest.path("points").path("rewards").forEach(r -> assertTrue(stations.contains(r.path("station").asText()),
                r.path("code") + " is collected at a station of " + code));
        long dispatched = 0;
        for (JsonNode report : manifest.path("reportHistory")) {
            for (JsonNode step : report.path("steps")) {
                dispatched += step.path("action").asText().equals("dispatch") ? 1 : 0;
            }
        }
        long accepted = 0;
        for (JsonNode e : manifest.path("pointsHistory")) {
            assertEquals(pays.get(e.path("action").asText()), e.path("points").asInt(), e.path("code").asText());
            accepted += e.path("action").asText().equals("report_accepted") ? 1 : 0;
        }
        assertEquals(code.equals("beidajie") ? dispatched : 0, accepted, code + ": 上报隐患 once per dispatched report");
    }

    /**
     * 活动: every township's monthly meetings and quarterly trainings of the past year (宁乡 also three forums 恳谈会),
     * each attended by a plausible share of the riders who had joined; 北大街's attendees are those its points
     * history pays for that meeting or training.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ningxiang", "beidajie", "shanyang", "gongcheng", "yuetan"})
    void eventsHistoryHasTheYearsMeetingsAndTrainings(String code) {
        ObjectNode manifest = new ManifestLoader().load(DIR.resolve(code + ".yaml"));
        Map<String, Integer> kinds = new HashMap<>();
        Map<String, Set<String>> paid = new HashMap<>();
        for (JsonNode p : manifest.path("pointsHistory")) {
            paid.computeIfAbsent(p.path("action").asText() + ":" + p.path("daysAgo").asInt(), k -> new HashSet<>())
                    .add(p.path("rider").asText());
        }
        Set<String> stations = new HashSet<>();
        manifest.path("stations").forEach(st -> stations.add(st.path("code").asText()));
        for (JsonNode e : manifest.path("eventsHistory")) {
            String kind = e.path("kind").asText();
            kinds.merge(kind, 1, Integer::sum);
            int daysAgo = e.path("daysAgo").asInt();
            assertTrue(daysAgo >= 1 && daysAgo <= 360, e.path("code") + " within the past year");
            assertTrue(e.has("station") ? stations.contains(e.path("station").asText()) : e.has("address"),
                    e.path("code") + " at a station of " + code + " or an address");
            Set<String> attendees = new HashSet<>();
            e.path("attendees").forEach(a -> attendees.add(a.asText()));
            assertEquals(e.path("attendees").size(), attendees.size(), e.path("code") + " lists each rider once");
            long joined = 0;
            for (JsonNode r : manifest.path("riders")) {
                joined += r.path("joinedDaysAgo").asInt() > daysAgo ? 1 : 0;
            }
            double share = attendees.size() / (double) joined;
            assertTrue(share > 0.05 && share < 0.9, e.path("code") + " attended by a plausible share: " + share);
            if (code.equals("beidajie")) {
                assertEquals(paid.get(kind + ":" + daysAgo), attendees, e.path("code") + " as the points history pays");
            }
        }
        assertEquals(12, kinds.get("meeting"), code + "'s monthly meetings");
        assertEquals(4, kinds.get("training"), code + "'s quarterly trainings");
        assertEquals(code.equals("ningxiang") ? 3 : null, kinds.get("forum"), code + "'s forums");
    }

    /**
     * 宁乡's suggestions 意见建议 ("every reasonable suggestion recorded and answered"): nearly all answered, answers
     * before decisions, many adopted and some not (each with its reason), a few raised at the riders' forum.
     */
    @Test
    void ningxiangsSuggestionsAreMostlyAnsweredSomeAdopted() {
        ObjectNode manifest = new ManifestLoader().load(DIR.resolve("ningxiang.yaml"));
        JsonNode history = manifest.path("suggestionsHistory");
        assertEquals(DemoScansGenerator.SUGGESTIONS.get("ningxiang"), history.size());
        Set<String> staff = new HashSet<>();
        manifest.path("members").forEach(m -> staff.add(m.path("subject").asText()));
        int answered = 0;
        int adopted = 0;
        int notAdopted = 0;
        int forum = 0;
        for (JsonNode e : history) {
            String code = e.path("code").asText();
            forum += e.path("channel").asText().equals("forum") ? 1 : 0;
            assertTrue(e.path("text").asText().length() <= 1000, code);
            if (e.has("answer")) {
                answered++;
                assertTrue(staff.contains(e.path("by").asText()), code + " answered by a member");
                assertTrue(e.path("daysAgo").asInt() * 24 > e.path("answerHours").asInt()
                        + e.path("decisionHours").asInt(0), code + " answered and decided in the past");
            } else {
                assertFalse(e.has("decision"), code + " is decided only once answered");
            }
            adopted += e.path("decision").asText().equals("adopted") ? 1 : 0;
            if (e.path("decision").asText().equals("not_adopted")) {
                notAdopted++;
                assertFalse(e.path("note").asText().isBlank(), code + " says why it is not adopted");
            }
        }
        assertTrue(answered >= history.size() * 0.85, "most answered: " + answered);
        assertTrue(adopted > notAdopted && notAdopted > 0, "some adopted, a few not: " + adopted + "/" + notAdopted);
        assertTrue(answered < history.size(), "the latest wait for an answer");
        assertTrue(forum >= 4, "raised at the riders' forum: " + forum);
    }

    /**
     * 北大街: the article's 100 riders in 9 squads, one per community, and the 美团 depot's 206 further riders outside
     * the squads (239 美团 riders in all, the insured of the care history); 山阳: a 25-rider volunteer squad.
     */
    @Test
    void beidajieHas100RidersIn9SquadsAndShanyangA25RiderVolunteerSquad() {
        ObjectNode beidajie = new ManifestLoader().read(DIR.resolve("beidajie.yaml"));
        assertEquals(306, beidajie.path("riders").size());
        Map<String, Integer> squads = new HashMap<>();
        int meituan = 0;
        for (JsonNode r : beidajie.path("riders")) {
            if (r.hasNonNull("squad")) {
                squads.merge(r.path("squad").asText(), 1, Integer::sum);
            } else {
                assertEquals(DemoRoster.INSURANCE_DRIVE_DEPOT, r.path("depot").asText(), r.path("name").asText());
            }
            meituan += r.path("platform").asText().equals("meituan") ? 1 : 0;
        }
        assertEquals(100, squads.values().stream().mapToInt(Integer::intValue).sum(), "the article's 100 in squads");
        assertEquals(DemoScansGenerator.BEIDAJIE_INSURED, meituan);
        Set<String> listed = new HashSet<>();
        Set<String> communities = new HashSet<>();
        beidajie.path("squads").forEach(q -> {
            listed.add(q.path("name").asText());
            communities.add(q.path("community").asText());
        });
        assertEquals(listed, squads.keySet(), "every rider in one of the listed squads");
        assertEquals(9, listed.size());
        assertEquals(9, communities.size(), "one squad per community");

        ObjectNode shanyang = new ManifestLoader().read(DIR.resolve("shanyang.yaml"));
        int volunteers = 0;
        for (JsonNode r : shanyang.path("riders")) {
            if (r.path("volunteer").asBoolean()) {
                volunteers++;
                assertEquals(shanyang.path("squads").get(0).path("name").asText(), r.path("squad").asText());
            }
        }
        assertEquals(25, volunteers);
        assertTrue(shanyang.path("settings").path("riders").path("volunteerField").asBoolean());
    }

    /** 工程街道: the article's 127 flyposters cleared — every flyposting report closed fixed. */
    @Test
    void gongchengClearedThe127Flyposters() {
        JsonNode history = new ManifestLoader().load(DIR.resolve("gongcheng.yaml")).path("reportHistory");
        int flyposting = 0;
        for (JsonNode e : history) {
            if (e.path("category").asText().equals("flyposting")) {
                flyposting++;
                String last = e.path("steps").get(e.path("steps").size() - 1).path("action").asText();
                assertTrue(Set.of("verify_fixed", "auto_close").contains(last), e.path("code") + " closed fixed");
            }
        }
        assertEquals(DemoReportsGenerator.GONGCHENG_FLYPOSTING, flyposting);
    }

    /** Grid workers 网格员 a grids file names are handlers of the township's members. */
    @ParameterizedTest
    @ValueSource(strings = {"ningxiang", "beidajie", "shanyang", "gongcheng", "yuetan"})
    void gridWorkersAreTheTownshipsHandlers(String code) {
        ObjectNode manifest = new ManifestLoader().load(DIR.resolve(code + ".yaml"));
        Set<String> handlers = new HashSet<>();
        manifest.path("members").forEach(m -> {
            if (m.path("roles").toString().contains("\"handler\"")) {
                handlers.add(m.path("subject").asText());
            }
        });
        manifest.path("grids").path("features").forEach(f -> f.path("properties").path("workers")
                .forEach(w -> assertTrue(handlers.contains(w.asText()), w.asText() + " is a handler of " + code)));
        if (code.equals("yuetan")) {
            assertEquals("[\"" + DemoPairingsGenerator.GRID_WORKER + "\"]", manifest.path("grids").path("features")
                    .get(0).path("properties").path("workers").toString(), "月坛西街社区's grid worker");
        }
    }

    /**
     * 月坛's care pairing 捎带手: the generator's file; 24 elders, 20 pairings with riders who had joined by then (宋海
     * with an elder of 月坛西街社区 from 120 days back), a look-in every day to yesterday, never three anomalous days
     * in a row but the one alert's streak, the last two days fine.
     */
    @Test
    void yuetansCarePairingHistory() throws IOException {
        ObjectNode manifest = new ManifestLoader().load(DIR.resolve("yuetan.yaml"));
        assertEquals(DemoPairingsGenerator.render(DIR.resolve("yuetan.yaml")),
                Files.readString(DIR.resolve("yuetan-pairings.json"), StandardCharsets.UTF_8),
                "regenerate with DemoPairingsGenerator (see its header)");
        JsonNode history = manifest.path("pairingHistory");
        Map<String, Integer> joined = new HashMap<>();
        manifest.path("riders").forEach(r -> joined.put(r.path("phone").asText(), r.path("joinedDaysAgo").asInt()));
        Map<String, String> communityOf = new HashMap<>();
        history.path("elders").forEach(e -> communityOf.put(e.path("key").asText(), e.path("community").asText()));
        assertEquals(DemoPairingsGenerator.ELDERS, communityOf.size());
        assertTrue(new HashSet<>(communityOf.values()).size() > 10, "across the communities");
        Map<String, Integer> start = new HashMap<>();
        Set<String> riders = new HashSet<>();
        for (JsonNode p : history.path("pairings")) {
            String phone = p.path("riderPhone").asText();
            assertTrue(riders.add(phone), "one elder per rider");
            assertTrue(joined.get(phone) > p.path("startDaysAgo").asInt(), phone + " joined before the pairing");
            start.put(p.path("elder").asText(), p.path("startDaysAgo").asInt());
            if (phone.equals(DemoPairingsGenerator.DEMO_RIDER_PHONE)) {
                assertEquals("c01", communityOf.get(p.path("elder").asText()));
                assertEquals(DemoPairingsGenerator.DEMO_START, p.path("startDaysAgo").asInt());
            }
        }
        assertEquals(DemoPairingsGenerator.PAIRINGS, start.size());
        assertTrue(riders.contains(DemoPairingsGenerator.DEMO_RIDER_PHONE));
        Map<String, Map<Integer, String>> days = new HashMap<>();
        for (JsonNode v : history.path("visits")) {
            assertNull(days.computeIfAbsent(v.path("elder").asText(), k -> new HashMap<>())
                    .put(v.path("daysAgo").asInt(), v.path("outcome").asText()), "one look-in a day");
        }
        JsonNode alert = history.path("alerts").get(0);
        assertEquals(1, history.path("alerts").size());
        assertEquals("helped", alert.path("outcome").asText());
        assertEquals(DemoPairingsGenerator.FOLLOW_UP_MINUTES, alert.path("followUpMinutes").asInt());
        for (Map.Entry<String, Integer> pairing : start.entrySet()) {
            Map<Integer, String> signs = days.get(pairing.getKey());
            assertEquals(pairing.getValue(), signs.size(), pairing.getKey() + ": every day from the start to yesterday");
            assertEquals("ok", signs.get(1));
            assertEquals("ok", signs.get(2));
            int run = 0;
            for (int d = pairing.getValue(); d >= 1; d--) {
                run = "ok".equals(signs.get(d)) ? 0 : run + 1;
                boolean alerted = pairing.getKey().equals(alert.path("elder").asText())
                        && d == alert.path("streakToDaysAgo").asInt();
                assertTrue(run < DemoPairingsGenerator.STREAK_DAYS || alerted, pairing.getKey() + " day " + d);
                if (alerted) {
                    assertEquals(DemoPairingsGenerator.STREAK_DAYS, run, "the alert's streak");
                }
            }
        }
    }

    /** 宁乡镇: the article's 43 e-passes, over its 25 friendly communities. */
    @Test
    void ningxiangIssued43EpassesOverThe25FriendlyCommunities() {
        ObjectNode manifest = new ManifestLoader().load(DIR.resolve("ningxiang.yaml"));
        assertEquals(43, manifest.path("epassHistory").size());
        Set<String> friendly = new HashSet<>();
        manifest.path("friendlyCommunities").forEach(f -> friendly.add(f.path("code").asText()));
        Set<String> opened = new HashSet<>();
        manifest.path("epassHistory").forEach(e -> e.path("communities").forEach(c -> opened.add(c.asText())));
        assertEquals(friendly, opened);
    }

    /** Actions that conclude a report (办结), as ReportAction leads them to ReportState.CLOSED. */
    static final Set<String> CONCLUDING = Set.of("verify_fixed", "auto_close", "reject", "mark_duplicate", "close_not_fixed");

    /** The article's 197 reports, 193 closed: inside the grids, by the roster's riders, worked by the township's staff. */
    @Test
    void ningxiangsHistoryHasTheArticles197Reports193Concluded() {
        ObjectNode manifest = new ManifestLoader().load(DIR.resolve("ningxiang.yaml"));
        JsonNode history = manifest.path("reportHistory");
        Set<String> phones = new HashSet<>();
        manifest.path("riders").forEach(r -> phones.add(r.path("phone").asText()));
        Set<String> subjects = new HashSet<>();
        manifest.path("members").forEach(m -> subjects.add(m.path("subject").asText()));
        Set<String> departments = new HashSet<>();
        manifest.path("departments").forEach(d -> departments.add(d.path("code").asText()));
        List<double[]> grids = new ArrayList<>();
        manifest.path("grids").path("features").forEach(f -> {
            JsonNode ring = f.path("geometry").path("coordinates").get(0);
            grids.add(new double[] {ring.get(0).get(0).asDouble(), ring.get(0).get(1).asDouble(),
                    ring.get(2).get(0).asDouble(), ring.get(2).get(1).asDouble()});
        });

        assertEquals(197, history.size());
        Set<String> codes = new HashSet<>();
        int concluded = 0;
        int dispatchedInTime = 0;
        int rated = 0;
        int satisfied = 0;
        for (JsonNode e : history) {
            String code = e.path("code").asText();
            assertTrue(codes.add(code), "duplicate " + code);
            assertTrue(phones.contains(e.path("rider").asText()), code + " by a rider of the roster");
            double lon = e.path("lon").asDouble();
            double lat = e.path("lat").asDouble();
            assertTrue(grids.stream().anyMatch(g -> lon > g[0] && lat > g[1] && lon < g[2] && lat < g[3]), code + " in a grid");
            assertFalse(e.path("description").asText().isBlank());
            int daysAgo = e.path("daysAgo").asInt();
            assertTrue(daysAgo >= 1 && daysAgo <= 360, code + " within the figures' year");
            int minuteOfDay = Integer.parseInt(e.path("time").asText().substring(0, 2)) * 60
                    + Integer.parseInt(e.path("time").asText().substring(3));
            int previous = 0;
            for (JsonNode step : e.path("steps")) {
                int minutes = step.path("minutes").asInt();
                assertTrue(minutes >= previous, code + " steps in time order");
                previous = minutes;
                if (step.has("by")) {
                    assertTrue(subjects.contains(step.path("by").asText()), code + " worked by a member");
                }
                if (step.has("department")) {
                    assertTrue(departments.contains(step.path("department").asText()), code + " to a department");
                }
                if (step.has("of")) {
                    assertTrue(codes.contains(step.path("of").asText()), code + " repeats an earlier report");
                }
                if (step.has("rating") && step.path("action").asText().equals("verify_fixed")) {
                    rated++;
                    satisfied += step.path("rating").asInt() >= 4 ? 1 : 0;
                }
            }
            // every step lies before the day the manifest is applied
            assertTrue(previous <= daysAgo * 1440 - minuteOfDay, code + " ends in the past");
            JsonNode first = e.path("steps").get(0);
            dispatchedInTime += first.path("minutes").asInt() <= 10 ? 1 : 0;
            concluded += CONCLUDING.contains(e.path("steps").get(e.path("steps").size() - 1).path("action").asText()) ? 1 : 0;
        }
        assertEquals(193, concluded, "193 of 197 concluded");
        assertTrue(dispatchedInTime > 170 && dispatchedInTime < 197, "most, not all, within the 10-minute SLA");
        assertTrue(satisfied > rated * 0.8, "most ratings 4 or 5");
    }
}
