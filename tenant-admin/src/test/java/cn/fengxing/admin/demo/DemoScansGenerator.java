package cn.fengxing.admin.demo;

import cn.fengxing.admin.ManifestLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the demo townships' other histories (the manifests' sections {@code epassHistory},
 * {@code stationVisitHistory}, {@code discountUseHistory} and {@code pointsHistory}), one entry per line, by riders who had joined by then:
 * <ul>
 * <li>{@code ningxiang-epasses.json}: the article's 43 e-passes 电子通行证, issued by the admin over the past year for
 * one to three of the 25 friendly communities (each of them on some pass), valid 90, 180 or 365 days; the latest is the
 * demo rider's;</li>
 * <li>{@code <code>-visits.json}: station visits 驿站到访 where the township has stations (宁乡 600, 山阳 900, 月坛 700),
 * more of them lately as the roster grows, more at the bigger stations, scanned by the station's keeper or the admin;</li>
 * <li>{@code <code>-discounts.json}: discount uses 优惠核销 at the partner merchants (山阳 400, 月坛 500);</li>
 * <li>{@code <code>-points.json}: the points riders earned 爱心存折 (北大街): 上报隐患 for each report of the report
 * history the duty desk dispatched, on the day it did, and the year's monthly meetings, training, home visits,
 * help to residents, hardship help and volunteering, each as the township's rule pays it;</li>
 * <li>{@code <code>-care.json}: care services 关爱服务 the township gave its riders (see {@link #care}).</li>
 * </ul>
 * Days count back from the day the manifest is first applied (1–360). Randomness is seeded, and {@code DemoManifestsTest}
 * checks that each committed file equals what this class generates. Run from the repository root after changing a
 * manifest's riders, friendly communities, stations or merchants:
 * <pre>
 * ./mvnw -q -f tenant-admin/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.fengxing.admin.demo.DemoScansGenerator -Dexec.args=deploy/demo/tenants
 * </pre>
 */
public final class DemoScansGenerator {

    public static final int NINGXIANG_EPASSES = 43;

    /** Visits per township with stations, discount uses per township with merchants. */
    static final Map<String, Integer> VISITS = Map.of("ningxiang", 600, "shanyang", 900, "yuetan", 700);
    static final Map<String, Integer> DISCOUNT_USES = Map.of("shanyang", 400, "yuetan", 500);
    /** Townships with a points history. */
    static final List<String> POINTS = List.of("beidajie");
    /** Townships with a care history. */
    static final List<String> CARE = List.of("beidajie", "gongcheng", "ningxiang", "shanyang", "yuetan");
    /** 北大街's article: 239 美团 riders enrolled in 大病医疗保险 with the street's help. */
    public static final int BEIDAJIE_INSURED = 239;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] VALID_DAYS = {90, 180, 365};

    private DemoScansGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DemoScansGenerator <deploy/demo/tenants directory>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        write(dir.resolve("ningxiang-epasses.json"), epasses(dir.resolve("ningxiang.yaml")));
        for (String code : VISITS.keySet().stream().sorted().toList()) {
            write(dir.resolve(code + "-visits.json"), visits(dir.resolve(code + ".yaml")));
        }
        for (String code : DISCOUNT_USES.keySet().stream().sorted().toList()) {
            write(dir.resolve(code + "-discounts.json"), discountUses(dir.resolve(code + ".yaml")));
        }
        for (String code : POINTS) {
            write(dir.resolve(code + "-points.json"), points(dir.resolve(code + ".yaml")));
        }
        for (String code : CARE) {
            write(dir.resolve(code + "-care.json"), care(dir.resolve(code + ".yaml")));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    /** 宁乡镇's 43 e-passes. */
    public static String epasses(Path manifestFile) {
        ObjectNode manifest = new ManifestLoader().read(manifestFile);
        Random random = new Random(20240701L);
        DemoRoster roster = new DemoRoster(manifest.path("riders"));
        String admin = admin(manifest);
        List<String> communities = new ArrayList<>();
        manifest.path("friendlyCommunities").forEach(f -> communities.add(f.path("code").asText()));
        // each friendly community first on some pass, the rest drawn
        List<String> firsts = new ArrayList<>(communities);
        Collections.shuffle(firsts, random);
        List<ObjectNode> entries = new ArrayList<>();
        for (int i = 0; i < NINGXIANG_EPASSES; i++) {
            int daysAgo = 350 - i * 8 - random.nextInt(6);
            boolean demo = i == NINGXIANG_EPASSES - 1;
            ObjectNode e = entry(random, daysAgo, 9, 9)
                    .put("rider", demo ? DemoReportsGenerator.DEMO_RIDER_PHONE : roster.draw(random, daysAgo));
            List<String> opens = new ArrayList<>(List.of(i < firsts.size() ? firsts.get(i)
                    : communities.get(random.nextInt(communities.size()))));
            for (int extra = random.nextInt(3); extra > 0; extra--) {
                String more = communities.get(random.nextInt(communities.size()));
                if (!opens.contains(more)) {
                    opens.add(more);
                }
            }
            Collections.sort(opens);
            opens.forEach(e.putArray("communities")::add);
            e.put("validDays", demo ? 365 : VALID_DAYS[random.nextInt(VALID_DAYS.length)]).put("by", admin);
            entries.add(e);
        }
        return render(entries, "nx-p");
    }

    /** Visits to the township's stations, by their keeper or the admin. */
    public static String visits(Path manifestFile) {
        ObjectNode manifest = new ManifestLoader().read(manifestFile);
        String code = manifest.path("code").asText();
        return scans(manifest, new Random(20240702L + code.hashCode()), VISITS.get(code), manifest.path("stations"),
                "station", prefix(code) + "-v");
    }

    /** Discount uses at the township's partner merchants, confirmed by the admin. */
    public static String discountUses(Path manifestFile) {
        ObjectNode manifest = new ManifestLoader().read(manifestFile);
        String code = manifest.path("code").asText();
        return scans(manifest, new Random(20240703L + code.hashCode()), DISCOUNT_USES.get(code),
                manifest.path("merchants"), "merchant", prefix(code) + "-d");
    }

    /**
     * The points riders earned over the year: 上报隐患 for the history's dispatched reports (their rider, the day and
     * time of dispatch), and people's work the admin recorded: a monthly meeting 例会 a third of the riders attend,
     * quarterly training 学习培训 half of them attend, home visits 入户走访, help to residents 帮助群众, hardship help
     * 困难帮扶 and volunteering 志愿服务 on random days. Points as the manifest's rules give them.
     */
    public static String points(Path manifestFile) {
        ObjectNode manifest = new ManifestLoader().read(manifestFile);
        String code = manifest.path("code").asText();
        Random random = new Random(20240704L + code.hashCode());
        DemoRoster roster = new DemoRoster(manifest.path("riders"));
        String admin = admin(manifest);
        Map<String, Integer> pays = new java.util.HashMap<>();
        manifest.path("points").path("rules").forEach(r -> pays.put(r.path("action").asText(), r.path("points").asInt()));
        List<ObjectNode> entries = new ArrayList<>();
        JsonNode reports;
        try {
            reports = JSON.readTree(manifestFile.resolveSibling(manifest.path("reportHistory").asText()).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode report : reports) {
            for (JsonNode step : report.path("steps")) {
                if (step.path("action").asText().equals("dispatch")) {
                    String[] hm = report.path("time").asText().split(":");
                    int minute = Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1]) + step.path("minutes").asInt();
                    int daysAgo = report.path("daysAgo").asInt() - minute / (24 * 60);
                    minute %= 24 * 60;
                    entries.add(award(daysAgo, minute, report.path("rider").asText(), "report_accepted", pays,
                            report.path("description").asText(), "system"));
                }
            }
        }
        for (int month = 0; month < 12; month++) {
            int meeting = 20 + month * 30;
            String name = "月度微网格员例会";
            for (String phone : roster.phones) {
                if (roster.joinedBefore(phone, meeting) && random.nextInt(3) == 0) {
                    entries.add(award(meeting, 19 * 60 + random.nextInt(30), phone, "meeting", pays, name, admin));
                }
                if (month % 3 == 1 && roster.joinedBefore(phone, meeting + 5) && random.nextBoolean()) {
                    entries.add(award(meeting + 5, 14 * 60 + random.nextInt(60), phone, "training", pays,
                            "骑手交通安全与应急救护培训", admin));
                }
            }
        }
        String[][] deeds = {{"home_visit", "120", "协助网格员入户走访，登记独居老人情况"},
                {"helping", "90", "帮助走失老人联系家人"}, {"hardship_help", "12", "为困难骑手家庭送去慰问物资"},
                {"volunteering", "70", "参加社区文明劝导志愿服务"}};
        for (String[] deed : deeds) {
            for (int i = 0; i < Integer.parseInt(deed[1]); i++) {
                int daysAgo = 1 + (int) (359 * (1 - Math.sqrt(random.nextDouble())));
                entries.add(award(daysAgo, 9 * 60 + random.nextInt(10 * 60), roster.draw(random, daysAgo), deed[0],
                        pays, deed[2], admin));
            }
        }
        return render(entries, prefix(code) + "-pt");
    }

    /**
     * The care the township gave its riders 关爱服务. 北大街 (the article): every 美团 rider (239) enrolled in 大病医疗保险
     * for a year of cover — on the drive's day 300 days back, or a few days after joining for those who joined later —,
     * 防暑降温物品 in summer (150 days back) and 春节慰问金 (300) to every rider who had joined, books on 妇女节 (272) to
     * the women riders (one in eight, synthetic), health checks 健康体检 (200) for 80 riders and hardship aid 困难帮扶 for
     * 8. The other townships: a few records each. Seasons assume the demo is first applied in early winter.
     */
    public static String care(Path manifestFile) {
        ObjectNode manifest = new ManifestLoader().read(manifestFile);
        String code = manifest.path("code").asText();
        Random random = new Random(20250308L + code.hashCode());
        DemoRoster roster = new DemoRoster(manifest.path("riders"), true);
        String admin = admin(manifest);
        List<ObjectNode> entries = new ArrayList<>();
        if (!code.equals("beidajie")) {
            for (int i = 0; i < 3; i++) {
                String rider = roster.draw(random, 200);
                entries.add(insurance(random, Math.min(200, roster.joinedDaysAgo(rider) - 1), rider, admin, i));
            }
            entries.add(care(entry(random, 150, 9, 8), roster.draw(random, 150), "gift", "防暑降温物品", "绿豆、藿香正气水、清凉油", null, admin));
            entries.add(care(entry(random, 300, 9, 8), roster.draw(random, 300), "gift", "春节慰问金", null, "200", admin));
            entries.add(care(entry(random, 90, 9, 8), roster.draw(random, 90), "hardship_aid", "困难帮扶", "骑手受伤住院，街道送去慰问金", "1000", admin));
            entries.add(care(entry(random, 120, 8, 3), roster.draw(random, 120), "health_check", "健康体检", "社区卫生服务中心免费体检", null, admin));
            return render(entries, prefix(code) + "-care");
        }
        int insured = 0;
        for (JsonNode r : manifest.path("riders")) {
            if (!r.path("platform").asText().equals("meituan")) {
                continue;
            }
            String phone = r.path("phone").asText();
            int joined = roster.joinedDaysAgo(phone);
            int daysAgo = Math.min(300, joined - 1 - random.nextInt(3));
            if (daysAgo < 1) {
                throw new IllegalStateException(phone + " joined too late to be insured");
            }
            entries.add(insurance(random, daysAgo, phone, admin, insured++));
        }
        if (insured != BEIDAJIE_INSURED) {
            throw new IllegalStateException(code + " has " + insured + " 美团 riders, the article " + BEIDAJIE_INSURED);
        }
        for (String phone : roster.phones) {
            if (roster.joinedBefore(phone, 150)) {
                entries.add(care(entry(random, 150, 9, 8), phone, "gift", "防暑降温物品", "绿豆、白糖、藿香正气水、清凉油", null, admin));
            }
            if (roster.joinedBefore(phone, 300)) {
                entries.add(care(entry(random, 300, 9, 8), phone, "gift", "春节慰问金", "街道春节走访慰问", "200", admin));
            }
            if (roster.joinedBefore(phone, 272) && random.nextInt(8) == 0) {
                entries.add(care(entry(random, 272, 14, 3), phone, "gift", "妇女节赠书", "《平凡的世界》一套", null, admin));
            }
        }
        for (int i = 0; i < 80; i++) {
            entries.add(care(entry(random, 200, 8, 3), roster.draw(random, 200), "health_check", "健康体检",
                    "社区卫生服务中心免费体检", null, admin));
        }
        String[][] aid = {{"家人住院，送去慰问金", "2000"}, {"电动车被盗，帮助购置代步车", "1500"}, {"子女上学困难，助学金", "3000"},
                {"骑行中受伤，送去慰问金", "1000"}, {"家中遭灾，送去米面油和慰问金", "1200"}, {"患病住院，协调大病保险理赔", "0"},
                {"老人看病，送去慰问金", "800"}, {"租房困难，协调驿站临时住宿", "500"}};
        for (String[] a : aid) {
            int daysAgo = 1 + random.nextInt(330);
            entries.add(care(entry(random, daysAgo, 9, 8), roster.draw(random, daysAgo), "hardship_aid", "困难帮扶", a[0],
                    a[1], admin));
        }
        return render(entries, prefix(code) + "-care");
    }

    /** A year of 大病医疗保险 from the day enrolled, its premium and policy number. */
    private static ObjectNode insurance(Random random, int daysAgo, String rider, String admin, int n) {
        return care(entry(random, daysAgo, 9, 8), rider, "insurance", "大病医疗保险", "骑手团体大病医疗保险，街道协助办理", "150",
                admin).put("coverDays", 365).put("reference", String.format("DBYL-%06d", 100001 + n));
    }

    private static ObjectNode care(ObjectNode entry, String rider, String kind, String title, String detail,
                                   String amount, String by) {
        entry.put("rider", rider).put("kind", kind).put("title", title);
        if (detail != null) {
            entry.put("detail", detail);
        }
        if (amount != null) {
            entry.put("amount", new java.math.BigDecimal(amount));
        }
        return entry.put("by", by);
    }

    private static ObjectNode award(int daysAgo, int minute, String rider, String action, Map<String, Integer> pays,
                                    String reason, String by) {
        return JsonNodeFactory.instance.objectNode().put("code", "").put("daysAgo", daysAgo)
                .put("time", String.format("%02d:%02d", minute / 60, minute % 60)).put("rider", rider)
                .put("action", action).put("points", pays.get(action)).put("reason", reason).put("by", by);
    }

    private static String scans(ObjectNode manifest, Random random, int count, JsonNode places, String placeKey,
                                String prefix) {
        DemoRoster roster = new DemoRoster(manifest.path("riders"));
        String admin = admin(manifest);
        // the bigger the place, the more riders stop there
        List<JsonNode> weighted = new ArrayList<>();
        places.forEach(p -> weighted.addAll(Collections.nCopies(Math.max(1, p.path("capacity").asInt(4) / 2), p)));
        List<ObjectNode> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // more of them lately, as the roster grows
            int daysAgo = 1 + (int) (359 * (1 - Math.sqrt(random.nextDouble())));
            JsonNode place = weighted.get(random.nextInt(weighted.size()));
            entries.add(entry(random, daysAgo, 10, 11).put(placeKey, place.path("code").asText())
                    .put("rider", roster.draw(random, daysAgo)).put("by", place.path("keeper").asText(admin)));
        }
        return render(entries, prefix);
    }

    /** An entry dated {@code daysAgo} between {@code fromHour} and {@code fromHour + hours}. */
    private static ObjectNode entry(Random random, int daysAgo, int fromHour, int hours) {
        int minute = fromHour * 60 + random.nextInt(hours * 60);
        return JsonNodeFactory.instance.objectNode().put("code", "").put("daysAgo", daysAgo)
                .put("time", String.format("%02d:%02d", minute / 60, minute % 60));
    }

    /** Oldest first, coded in that order ("nx-p-0001"), one per line. */
    private static String render(List<ObjectNode> entries, String prefix) {
        entries.sort(Comparator.comparingInt((ObjectNode e) -> -e.path("daysAgo").asInt())
                .thenComparing(e -> e.path("time").asText()));
        StringBuilder text = new StringBuilder("[\n");
        for (int i = 0; i < entries.size(); i++) {
            entries.get(i).put("code", String.format("%s-%04d", prefix, i + 1));
            try {
                text.append(JSON.writeValueAsString(entries.get(i))).append(i < entries.size() - 1 ? ",\n" : "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.append("]\n").toString();
    }

    private static String prefix(String code) {
        return DemoReportsGenerator.PROFILES.get(code).prefix();
    }

    private static String admin(ObjectNode manifest) {
        for (JsonNode m : manifest.path("members")) {
            if (m.path("roles").toString().equals("[\"tenant_admin\"]")) {
                return m.path("subject").asText();
            }
        }
        throw new IllegalStateException("the manifest has no admin");
    }
}
