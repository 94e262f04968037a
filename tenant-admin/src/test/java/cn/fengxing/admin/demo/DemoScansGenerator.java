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
 * <li>{@code <code>-events.json}: every township's past events 活动 with their attendees: the monthly meeting 例会 and
 * the quarterly training 培训 (北大街: those its points history pays for them; elsewhere about two in five riders at a
 * meeting, half at a training), and 宁乡's three riders' forums 恳谈会 (about one in four).</li>
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
    /** Townships with an events history: all five. */
    static final List<String> EVENTS = List.of("beidajie", "gongcheng", "ningxiang", "shanyang", "yuetan");
    /** Days ago of the monthly meetings (and, a few days later in months 1, 4, 7, 10, the quarterly training). */
    static final int FIRST_MEETING = 20;
    static final int TRAINING_AFTER = 5;

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
        for (String code : EVENTS) {
            write(dir.resolve(code + "-events.json"), events(dir.resolve(code + ".yaml")));
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
            int meeting = FIRST_MEETING + month * 30;
            String name = "月度微网格员例会";
            for (String phone : roster.phones) {
                if (roster.joinedBefore(phone, meeting) && random.nextInt(3) == 0) {
                    entries.add(award(meeting, 19 * 60 + random.nextInt(30), phone, "meeting", pays, name, admin));
                }
                if (month % 3 == 1 && roster.joinedBefore(phone, meeting + TRAINING_AFTER) && random.nextBoolean()) {
                    entries.add(award(meeting + TRAINING_AFTER, 14 * 60 + random.nextInt(60), phone, "training", pays,
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
     * The township's past events with who attended: the monthly meeting 例会 at 19:00 and the quarterly training 培训
     * at 14:00 at its first workers' home (else its first station, else its 党群服务中心), and in 宁乡 three riders'
     * forums 恳谈会. 北大街's attendees are those its points history pays for the meeting or training that day.
     */
    public static String events(Path manifestFile) {
        ObjectNode manifest = new ManifestLoader().read(manifestFile);
        String code = manifest.path("code").asText();
        Random random = new Random(20240705L + code.hashCode());
        DemoRoster roster = new DemoRoster(manifest.path("riders"));
        String admin = admin(manifest);
        Map<String, List<String>> paid = new java.util.HashMap<>();
        if (POINTS.contains(code)) {
            try {
                for (JsonNode e : JSON.readTree(points(manifestFile))) {
                    paid.computeIfAbsent(e.path("action").asText() + ":" + e.path("daysAgo").asInt(),
                            k -> new ArrayList<>()).add(e.path("rider").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JsonNode place = null;
        for (JsonNode st : manifest.path("stations")) {
            if (place == null || (st.path("kind").asText().equals("workers_home")
                    && !place.path("kind").asText().equals("workers_home"))) {
                place = st;
            }
        }
        String station = place == null ? null : place.path("code").asText();
        String address = manifest.path("name").asText() + "党群服务中心";
        String meetingTitle = code.equals("beidajie") ? "月度微网格员例会" : "月度骑手例会";
        List<ObjectNode> entries = new ArrayList<>();
        for (int month = 0; month < 12; month++) {
            int meeting = FIRST_MEETING + month * 30;
            entries.add(event("meeting", meetingTitle, "通报本月随手拍和派单情况，交流走访中发现的问题", meeting, "19:00",
                    60, station, address, admin, attendees(roster, paid.get("meeting:" + meeting), meeting, random, 2, 5)));
            if (month % 3 == 1) {
                int training = meeting + TRAINING_AFTER;
                entries.add(event("training", "骑手交通安全与应急救护培训", "交通安全法规、电动车安全驾驶和心肺复苏实操",
                        training, "14:00", 120, station, address, admin,
                        attendees(roster, paid.get("training:" + training), training, random, 1, 2)));
            }
        }
        if (code.equals("ningxiang")) {
            for (int daysAgo : new int[] {300, 180, 60}) {
                entries.add(event("forum", "骑手恳谈会", "镇领导与骑手面对面，听取骑手在配送、休息和权益保障方面的意见建议",
                        daysAgo, "15:00", 90, station, address, admin, attendees(roster, null, daysAgo, random, 1, 4)));
            }
        }
        return render(entries, prefix(code) + "-ev");
    }

    /** Who attended: those paid for it, else riders who had joined, each with chance {@code share / of}. */
    private static List<String> attendees(DemoRoster roster, List<String> paid, int daysAgo, Random random, int share,
                                          int of) {
        if (paid != null) {
            return paid;
        }
        return roster.phones.stream().filter(p -> roster.joinedBefore(p, daysAgo) && random.nextInt(of) < share)
                .toList();
    }

    private static ObjectNode event(String kind, String title, String description, int daysAgo, String time,
                                    int minutes, String station, String address, String by, List<String> attendees) {
        ObjectNode e = JsonNodeFactory.instance.objectNode().put("code", "").put("daysAgo", daysAgo).put("time", time)
                .put("kind", kind).put("title", title).put("description", description).put("minutes", minutes);
        if (station != null) {
            e.put("station", station);
        } else {
            e.put("address", address);
        }
        e.put("by", by);
        attendees.forEach(e.putArray("attendees")::add);
        return e;
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
