package cn.fengxing.admin.demo;

import cn.fengxing.admin.ManifestLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates 月坛's care pairing history 捎带手 ({@code yuetan-pairings.json}, manifest section {@code pairingHistory}):
 * {@value #ELDERS} lone elders 独居老人 over the communities (synthetic names, family name first; addresses on the
 * community's streets and a point inside its grid; phones, family contacts, how to find the door), {@value #PAIRINGS}
 * of them paired with riders who had joined by then — the first, of 月坛西街社区, with the demo rider 宋海 from
 * {@value #DEMO_START} days back —, and a look-in every day from the pairing's first day to yesterday: mostly 正常,
 * now and then 无人应答 or 垃圾未出, never two such days in a row, except for one elder of 月坛西街社区 whose
 * {@value #STREAK_DAYS} days of 垃圾未出 about {@value #STREAK_TO} days back raised the one alert, followed up by the
 * community's grid worker 李娜 after {@value #FOLLOW_UP_MINUTES} minutes (helped). The last two days are fine for
 * everyone, so a fresh demo starts without an open streak. Seeded; {@code DemoManifestsTest} checks the committed
 * file is what this makes. Run from the repository root after changing yuetan.yaml's communities or riders:
 * <pre>
 * ./mvnw -q -f tenant-admin/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.fengxing.admin.demo.DemoPairingsGenerator -Dexec.args=deploy/demo/tenants
 * </pre>
 */
public final class DemoPairingsGenerator {

    static final String CODE = "yuetan";
    static final int ELDERS = 24;
    static final int PAIRINGS = 20;
    /** The demo rider 宋海 (yuetan-rider) and when his pairing started. */
    static final String DEMO_RIDER_PHONE = "13950040595";
    static final int DEMO_START = 120;
    /** The one alert: garbage not out on STREAK_DAYS days ending STREAK_TO days back, followed up after 35 minutes. */
    static final int STREAK_DAYS = 3;
    static final int STREAK_TO = 40;
    static final int FOLLOW_UP_MINUTES = 35;
    /** The demo grid worker of 月坛西街社区 (李娜), who followed the alert up. */
    static final String GRID_WORKER = "00000000-0000-4000-8000-000000000205";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    private static final String[] GIVEN = {"秀兰", "桂英", "玉珍", "淑珍", "凤兰", "德明", "建国", "国华", "玉兰",
        "振华", "桂芝", "秀英", "文华", "永福", "宝山", "淑英", "春生", "金凤", "志刚", "素琴", "俊英", "长顺", "翠兰",
        "庆祥", "月娥", "福海"};
    private static final String[] CHILD = {"磊", "伟", "静", "丽", "强", "敏", "军", "芳", "涛", "燕"};
    private static final String[] RELATION = {"儿子", "女儿", "侄子", "外甥女"};
    private static final String[] LANDMARKS = {"单元门旁有自行车棚", "一层，门上贴着福字", "楼下有红色信报箱",
        "院门口有棵老槐树", "小卖部楼上，东边那户", "门口放着两盆月季", "楼道口有蓝色垃圾桶", "三层，门上挂着竹帘",
        "院里第二排平房，门口有煤棚", "电梯右手边第一户"};
    private static final String[] NO_ANSWER_NOTES = {"敲门无人应答，邻居说去女儿家了", "敲门没人应，电话打通了，在医院复查",
        "家里没人，楼下大爷说去公园遛弯了"};
    private static final String[] GARBAGE_NOTES = {"门口没见垃圾袋，敲门说今天不舒服没下楼", "垃圾没出，老人说忘了"};
    private static final String[] OK_NOTES = {"精神不错，聊了几句", "帮忙把垃圾带下楼了", "老人说一切都好",
        "提醒天冷多穿衣服"};

    private DemoPairingsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DemoPairingsGenerator <deploy/demo/tenants directory>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Path out = dir.resolve(CODE + "-pairings.json");
        Files.writeString(out, render(dir.resolve(CODE + ".yaml")), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    /** The history file's text for the manifest (its grids file beside it): each entry on a line of its own. */
    public static String render(Path manifestFile) {
        ObjectNode manifest = new ManifestLoader().read(manifestFile);
        Random random = new Random(20261205L);
        List<JsonNode> communities = new ArrayList<>();
        manifest.path("communities").forEach(communities::add);
        Map<String, double[]> boxes = boxes(manifestFile.resolveSibling(manifest.path("grids").asText()));

        // elders: three in 月坛西街社区 (c01: the demo rider's, the alert's, one not paired yet), one in each of the next
        List<ObjectNode> elders = new ArrayList<>();
        for (int i = 0; i < ELDERS; i++) {
            JsonNode community = communities.get(i < 3 ? 0 : i - 2);
            String code = community.path("code").asText();
            String street = community.path("name").asText().replaceAll("社区$", "");
            String family = FAMILY[(i * 7 + 3) % FAMILY.length];
            double[] box = boxes.get(code);
            ObjectNode e = NODES.objectNode().put("key", String.format("yt-e%02d", i + 1)).put("community", code)
                    .put("familyName", family).put("givenName", GIVEN[i % GIVEN.length])
                    .put("address", street + (1 + random.nextInt(12)) + "号院" + (1 + random.nextInt(8)) + "号楼"
                            + (1 + random.nextInt(4)) + "单元" + (1 + random.nextInt(6)) + "0" + (1 + random.nextInt(4)))
                    .put("lon", degrees(box[0] + (box[2] - box[0]) * (0.2 + 0.6 * random.nextDouble())))
                    .put("lat", degrees(box[1] + (box[3] - box[1]) * (0.2 + 0.6 * random.nextDouble())));
            // a landline for about half of them (written as Beijing numbers are), else a mobile
            e.put("phone", random.nextBoolean()
                    ? String.format("010-68%02d-%04d", random.nextInt(100), random.nextInt(10000))
                    : String.format("137%08d", random.nextInt(100_000_000)));
            e.put("familyContactName", family + CHILD[random.nextInt(CHILD.length)]
                            + "（" + RELATION[random.nextInt(RELATION.length)] + "）")
                    .put("familyContactPhone", String.format("186%08d", random.nextInt(100_000_000)))
                    .put("landmark", LANDMARKS[random.nextInt(LANDMARKS.length)]);
            elders.add(e);
        }

        // pairings: the first two elders and elders 4–21, with riders who had joined by the pairing's first day
        List<String> eligible = new ArrayList<>();
        Map<String, Integer> joined = new HashMap<>();
        manifest.path("riders").forEach(r -> joined.put(r.path("phone").asText(), r.path("joinedDaysAgo").asInt()));
        List<ObjectNode> pairings = new ArrayList<>();
        List<ObjectNode> visits = new ArrayList<>();
        List<ObjectNode> alerts = new ArrayList<>();
        List<String> taken = new ArrayList<>(List.of(DEMO_RIDER_PHONE));
        for (int i = 0; i < ELDERS && pairings.size() < PAIRINGS; i++) {
            if (i == 2) {
                continue;
            }
            String elder = elders.get(i).path("key").asText();
            int start = i == 0 ? DEMO_START : i == 1 ? 125 : 30 + random.nextInt(96);
            String rider = DEMO_RIDER_PHONE;
            if (i > 0) {
                eligible.clear();
                joined.forEach((phone, days) -> {
                    if (days > start && !taken.contains(phone)) {
                        eligible.add(phone);
                    }
                });
                eligible.sort(null);
                rider = eligible.get(random.nextInt(eligible.size()));
                taken.add(rider);
            }
            pairings.add(NODES.objectNode().put("elder", elder).put("riderPhone", rider).put("startDaysAgo", start));
            boolean anomalyYesterday = false;
            // each rider passes at about their own hour
            int hour = 9 + random.nextInt(9);
            for (int d = start; d >= 1; d--) {
                String time = String.format("%02d:%02d", hour + random.nextInt(2), random.nextInt(60));
                String outcome = "ok";
                String note = null;
                if (i == 1 && d <= STREAK_TO + STREAK_DAYS - 1 && d >= STREAK_TO) {
                    outcome = "garbage_not_out";
                    note = d == STREAK_TO ? "连续三天门口没有垃圾袋，敲门没人应" : GARBAGE_NOTES[d % GARBAGE_NOTES.length];
                    if (d == STREAK_TO) {
                        alerts.add(NODES.objectNode().put("elder", elder).put("reason", "streak")
                                .put("streakFromDaysAgo", STREAK_TO + STREAK_DAYS - 1).put("streakToDaysAgo", STREAK_TO)
                                .put("raisedDaysAgo", STREAK_TO).put("time", time)
                                .put("followUpMinutes", FOLLOW_UP_MINUTES).put("outcome", "helped")
                                .put("note", "上门看望，老人感冒卧床两天，已联系家属回来照顾，社区医生上门看过")
                                .put("by", GRID_WORKER));
                    }
                } else if (!anomalyYesterday && d > 2 && !(i == 1 && Math.abs(d - STREAK_TO) <= STREAK_DAYS + 1)) {
                    int roll = random.nextInt(100);
                    if (roll < 4) {
                        outcome = "no_answer";
                        note = NO_ANSWER_NOTES[random.nextInt(NO_ANSWER_NOTES.length)];
                    } else if (roll < 6) {
                        outcome = "garbage_not_out";
                        note = GARBAGE_NOTES[random.nextInt(GARBAGE_NOTES.length)];
                    } else if (roll < 10) {
                        note = OK_NOTES[random.nextInt(OK_NOTES.length)];
                    }
                }
                anomalyYesterday = !"ok".equals(outcome);
                ObjectNode v = NODES.objectNode().put("elder", elder).put("daysAgo", d).put("time", time)
                        .put("outcome", outcome);
                if (note != null) {
                    v.put("note", note);
                }
                visits.add(v);
            }
        }
        StringBuilder text = new StringBuilder("{\n");
        section(text, "elders", elders, false);
        section(text, "pairings", pairings, false);
        section(text, "visits", visits, false);
        section(text, "alerts", alerts, true);
        return text.append("}\n").toString();
    }

    private static void section(StringBuilder text, String key, List<ObjectNode> entries, boolean last) {
        text.append("\"").append(key).append("\": [\n");
        for (int i = 0; i < entries.size(); i++) {
            try {
                text.append(JSON.writeValueAsString(entries.get(i))).append(i < entries.size() - 1 ? ",\n" : "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        text.append(last ? "]\n" : "],\n");
    }

    /** Each community's grids' bounding box (west, south, east, north) from the grids file. */
    private static Map<String, double[]> boxes(Path gridsFile) {
        Map<String, double[]> boxes = new HashMap<>();
        try {
            for (JsonNode f : JSON.readTree(gridsFile.toFile()).path("features")) {
                double[] box = boxes.computeIfAbsent(f.path("properties").path("community").asText(),
                        c -> new double[] {180, 90, -180, -90});
                for (JsonNode point : f.path("geometry").path("coordinates").get(0)) {
                    box[0] = Math.min(box[0], point.get(0).asDouble());
                    box[1] = Math.min(box[1], point.get(1).asDouble());
                    box[2] = Math.max(box[2], point.get(0).asDouble());
                    box[3] = Math.max(box[3], point.get(1).asDouble());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return boxes;
    }

    private static BigDecimal degrees(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }
}
