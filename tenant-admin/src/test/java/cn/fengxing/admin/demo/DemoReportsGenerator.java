package cn.fengxing.admin.demo;

import cn.fengxing.admin.ManifestLoader;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * Generates 宁乡镇's report history, {@code deploy/demo/tenants/ningxiang-reports.json} (manifest section
 * {@code reportHistory}): the article's 197 reports of snap-and-report 随手拍, 193 of them concluded (193/197 = 98%).
 *
 * <p>The reports are synthetic: the categories riders report most (garbage, road damage, street lights, flyposting,
 * manhole covers, blocked fire exits, …), points inside the township's grids (read from {@code ningxiang-grids.geojson})
 * with an address on the community's street, Chinese descriptions, reporters from the manifest's rider roster (a few by
 * the demo rider, so their "my reports" has history). Dispatch comes within minutes (most inside the 10-minute SLA, a
 * few late), to the grid worker or a department; the fix within hours or days (a few past the 72-hour SLA); most riders
 * verify and rate it 4–5, some let it close itself after the auto-close days. Concluded: mostly closed_fixed, some after
 * a "not fixed" round, a few rejected, duplicate or closed_not_fixed. Four are still open, filed in the last two days.
 * Filing days run from 360 days to 1 day before the day the manifest is first applied.
 *
 * <p>Randomness is seeded: the output is the same on every run, and {@code DemoManifestsTest} checks that the committed
 * file equals what this class generates. Run from the repository root after changing the layout or the roster:
 * <pre>
 * ./mvnw -q -f tenant-admin/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.fengxing.admin.demo.DemoReportsGenerator -Dexec.args=deploy/demo/tenants
 * </pre>
 */
public final class DemoReportsGenerator {

    public static final int REPORTS = 197;
    public static final int CONCLUDED = 193;

    /** The demo rider (signed in as {@code rider}): a few reports are theirs. */
    static final String DEMO_RIDER_PHONE = "13900000204";

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** The street of each community, as the manifest's addresses have it. */
    private static final Map<String, String> STREETS = Map.of("c01", "城北路", "c02", "中心街", "c03", "东关街",
            "c04", "西关路", "c05", "南街", "c06", "龙泉路");

    private static final String[] PLACES = {"菜市场门口", "小学东侧", "公交站旁", "十字路口", "超市对面", "小区北门外",
            "卫生院附近", "加油站旁", "广场西侧", "桥头", "快递驿站门口", "农贸市场后巷"};

    /** A category riders report, how often, where it goes, and what they write and the handler answers. */
    record Kind(String category, int count, String department, double toDepartment, boolean urgent,
                String[] descriptions, String[] fixes) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("garbage", 35, "urban-management", 0.2, false, new String[] {
                    "{place}垃圾堆放好几天了，气味很大", "{place}垃圾桶满了溢出来，没人清运",
                    "{place}有人乱倒建筑垃圾，占了半条路", "{place}垃圾被野狗翻得到处都是"}, new String[] {
                    "已清运垃圾并消毒", "已协调环卫车清运", "建筑垃圾已清理，已找到倾倒人批评教育"}),
            new Kind("road-damage", 30, "housing", 0.4, false, new String[] {
                    "{place}路面有个大坑，电动车差点摔倒", "{place}路面塌陷，晚上看不清很危险",
                    "{place}人行道地砖松动翘起", "{place}路面开裂积水，送餐绕不过去"}, new String[] {
                    "已修补路面坑洼", "已设置警示并完成修补", "已更换松动地砖"}),
            new Kind("street-light", 30, "power", 0.6, false, new String[] {
                    "{place}路灯不亮，晚上送餐看不清路", "{place}一排路灯都坏了，黑乎乎的",
                    "{place}路灯一闪一闪的", "{place}路灯杆被撞歪了"}, new String[] {
                    "已更换灯泡，恢复照明", "已修复线路，路灯恢复正常", "已扶正灯杆并加固"}),
            new Kind("flyposting", 25, "urban-management", 0.3, false, new String[] {
                    "{place}墙上贴满了小广告", "{place}电线杆上的小广告撕了又贴",
                    "{place}有人在地上喷涂办证电话", "{place}楼道里塞满了小卡片"}, new String[] {
                    "已清除小广告", "已清洗喷涂，并加强巡查", "已清理并在重点位置张贴提示"}),
            new Kind("manhole-cover", 22, "water", 0.5, false, new String[] {
                    "{place}井盖缺失，电动车容易掉进去", "{place}井盖破损下陷",
                    "{place}井盖松动，车一压就响", "{place}雨水井盖被移开没放回"}, new String[] {
                    "已更换井盖", "已补装井盖并设置警示", "已加固井盖"}),
            new Kind("fire-exit-blocked", 18, "fire", 0.3, false, new String[] {
                    "{place}消防通道被私家车堵死", "{place}楼道里堆满杂物和电动车",
                    "{place}消防通道被摊位占用", "{place}安全出口被锁住了"}, new String[] {
                    "已联系车主挪车并张贴警示", "已清理楼道杂物", "已劝离占道摊位", "已督促物业打开安全出口"}),
            new Kind("pipe-leak", 12, "water", 0.8, false, new String[] {
                    "{place}自来水管漏水，路面一直在冒水", "{place}下水道堵塞往外冒污水",
                    "{place}消防栓漏水"}, new String[] {
                    "已联系自来水公司抢修完毕", "已疏通下水道", "已更换阀门"}),
            new Kind("uncivil-behaviour", 10, "urban-management", 0.3, false, new String[] {
                    "{place}有人占道经营，堵住了路口", "{place}车辆乱停乱放挡住人行道",
                    "{place}有人在绿化带里种菜"}, new String[] {
                    "已劝导商户入店经营", "已联系车主规范停放", "已恢复绿化"}),
            new Kind("stray-animal", 8, "urban-management", 0.5, false, new String[] {
                    "{place}有流浪狗追咬骑手", "{place}一群流浪狗在垃圾站附近游荡"}, new String[] {
                    "已联系收容站收容", "已安排人员处置"}),
            new Kind("lone-elder-no-answer", 4, null, 0, true, new String[] {
                    "{place}独居老人家里好几天没开门，敲门没人应"}, new String[] {
                    "网格员已上门，老人身体不适已送医并联系家属"}),
            new Kind("gas-leak", 3, "gas", 1, true, new String[] {
                    "{place}闻到很浓的燃气味", "{place}燃气管道接口有漏气声"}, new String[] {
                    "燃气公司已关阀抢修，隐患已排除"}));

    private static final String[] DISPATCH_NOTES = {"请尽快到现场核实处理", "骑手反映情况属实，请今日处理",
            "请处理后拍照反馈", "附近居民反映较多，请优先处理"};
    private static final String[] COMMENTS_GOOD = {"处理很及时，谢谢！", "已经修好了，点赞", "效率很高",
            "第二天就处理好了", "给网格员点赞", "送餐方便多了"};
    private static final String[] COMMENTS_FAIR = {"处理了，但是慢了点", "还可以"};
    private static final String[] REJECT_REASONS = {"经核实为小区内部道路，已转告物业处理，不属于本镇受理范围",
            "信息不足，现场未找到所述问题", "属于县级部门管辖，已告知相关单位"};
    private static final String[] NOT_FIXED_REASONS = {"需整体改造，已列入明年计划，暂无法修复",
            "涉及产权纠纷，已移交司法所调解"};

    private DemoReportsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DemoReportsGenerator <deploy/demo/tenants directory>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Path out = dir.resolve("ningxiang-reports.json");
        Files.writeString(out, render(dir.resolve("ningxiang.yaml")), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    /** A grid's rectangle (degrees) and its community. */
    record Cell(String community, double west, double south, double east, double north) {
    }

    /** A report being made up: when (minutes before the apply day's midnight), what, and its steps. */
    private static final class Draft {
        long filedAgo;
        Kind kind;
        Cell cell;
        double lon;
        double lat;
        int house;
        String place;
        String rider;
        Draft duplicateOf;
        ObjectNode entry;
        final List<ObjectNode> steps = new ArrayList<>();
    }

    /** The JSON text of the history for the manifest (its riders, members and grids file): one report per line. */
    public static String render(Path manifestFile) {
        ManifestLoader loader = new ManifestLoader();
        ObjectNode manifest = loader.read(manifestFile);
        List<Cell> cells = cells(loader.readGrids(manifestFile, manifest.path("grids").asText()));
        Random random = new Random(20240521L);
        List<String> phones = new ArrayList<>();
        manifest.path("riders").forEach(r -> phones.add(r.path("phone").asText()));
        phones.remove(DEMO_RIDER_PHONE);
        String dispatcher = member(manifest, "dispatcher");
        String handler = member(manifest, "handler");

        List<Kind> slots = new ArrayList<>();
        KINDS.forEach(k -> slots.addAll(Collections.nCopies(k.count(), k)));
        if (slots.size() != REPORTS) {
            throw new IllegalStateException("categories add up to " + slots.size() + ", not " + REPORTS);
        }
        Collections.shuffle(slots, random);

        // the outcome of each concluded report, spread over the year; the last four slots stay open
        List<String> outcomes = new ArrayList<>();
        outcomes.addAll(Collections.nCopies(6, "reject"));
        outcomes.addAll(Collections.nCopies(3, "closed_not_fixed"));
        outcomes.addAll(Collections.nCopies(4, "reopened"));
        outcomes.addAll(Collections.nCopies(12, "auto_close"));
        int duplicates = 4;
        outcomes.addAll(Collections.nCopies(CONCLUDED - duplicates - outcomes.size(), "verified"));
        Collections.shuffle(outcomes, random);

        List<Draft> drafts = new ArrayList<>();
        int concludedOriginals = CONCLUDED - duplicates;
        for (int i = 0; i < concludedOriginals; i++) {
            // filed 360 … 14 days before the apply day, between 07:00 and 22:00
            long day = 360 - Math.round(i * 346.0 / (concludedOriginals - 1));
            drafts.add(concluded(random, slots.get(i), outcomes.get(i), day * 1440 - (7 * 60 + random.nextInt(15 * 60)),
                    cells, phones, dispatcher, handler));
        }
        // duplicates: the same hazard again, a few hours after a report of the past year (not an urgent one)
        for (int d = 0; d < duplicates; d++) {
            Draft original = drafts.get(20 + d * 45);
            while (original.kind.urgent()) {
                original = drafts.get(drafts.indexOf(original) + 1);
            }
            drafts.add(duplicate(random, original, phones, dispatcher));
        }
        // still open: filed yesterday or the day before, in the morning
        String[] open = {"dispatched", "dispatched_department", "in_progress", "in_progress_department"};
        for (int o = 0; o < open.length; o++) {
            long filedAgo = (o < 2 ? 2 : 1) * 1440L - (8 * 60 + random.nextInt(4 * 60));
            drafts.add(stillOpen(random, slots.get(concludedOriginals + o), open[o], filedAgo, cells, phones, dispatcher,
                    handler));
        }

        drafts.sort(Comparator.comparingLong((Draft x) -> -x.filedAgo));
        for (int i = 0; i < drafts.size(); i++) {
            drafts.get(i).entry.put("code", String.format("nx-%04d", i + 1));
        }
        StringBuilder text = new StringBuilder("[\n");
        for (int i = 0; i < drafts.size(); i++) {
            text.append(write(drafts.get(i))).append(i < drafts.size() - 1 ? ",\n" : "\n");
        }
        return text.append("]\n").toString();
    }

    private static Draft concluded(Random random, Kind kind, String outcome, long filedAgo, List<Cell> cells,
                                   List<String> phones, String dispatcher, String handler) {
        Draft d = draft(random, kind, filedAgo, cells, phones);
        int t = dispatchMinutes(random, kind);
        if (outcome.equals("reject")) {
            d.steps.add(step("reject", t, dispatcher).put("note", pick(random, REJECT_REASONS)));
            return d;
        }
        boolean department = kind.department() != null && random.nextDouble() < kind.toDepartment();
        String worker = department ? dispatcher : handler; // the dispatcher acts for departments
        t = work(random, d, kind, t, department, dispatcher, handler, worker, true);
        switch (outcome) {
            case "auto_close" -> d.steps.add(step("auto_close", t + 7 * 1440, null));
            case "closed_not_fixed" -> {
                t += 120 + random.nextInt(18 * 60);
                d.steps.add(step("verify_not_fixed", t, null).put("rating", 1 + random.nextInt(2))
                        .put("comment", "还是老样子，没有修好"));
                t += 30 + random.nextInt(270);
                d.steps.add(step("close_not_fixed", t, dispatcher).put("note", pick(random, NOT_FIXED_REASONS)));
            }
            case "reopened" -> {
                t += 120 + random.nextInt(18 * 60);
                d.steps.add(step("verify_not_fixed", t, null).put("rating", 2).put("comment", "只修了一半，还有问题"));
                t = work(random, d, kind, t + 5 + random.nextInt(25), department, dispatcher, handler, worker, false);
                verify(random, d, t, 4);
            }
            default -> verify(random, d, t, 0);
        }
        return d;
    }

    /** Dispatch, accept and resolve from minute {@code t}; returns the minute of the resolution. */
    private static int work(Random random, Draft d, Kind kind, int t, boolean department, String dispatcher,
                            String handler, String worker, boolean first) {
        ObjectNode dispatch = step("dispatch", t, dispatcher);
        if (department) {
            dispatch.put("department", kind.department());
        } else {
            dispatch.put("handler", handler);
        }
        if (first && random.nextInt(2) == 0) {
            dispatch.put("note", pick(random, DISPATCH_NOTES));
        } else if (!first) {
            dispatch.put("note", "骑手反映未修好，请返工");
        }
        d.steps.add(dispatch);
        t += 3 + random.nextInt(kind.urgent() ? 10 : 50);
        d.steps.add(step("accept", t, worker));
        // most within the day, many within three days, a few past the 72-hour SLA
        int roll = random.nextInt(100);
        int hours = kind.urgent() ? 1 + random.nextInt(3) : roll < 55 ? 1 + random.nextInt(10)
                : roll < 94 ? 10 + random.nextInt(52) : 76 + random.nextInt(40);
        t += hours * 60 + random.nextInt(60);
        d.steps.add(step("resolve", t, worker).put("note", pick(random, kind.fixes())));
        return t;
    }

    /** The rider confirms the fix: mostly 5 or 4 stars. {@code rating} 0: drawn. */
    private static void verify(Random random, Draft d, int resolved, int rating) {
        int roll = random.nextInt(100);
        int stars = rating > 0 ? rating : roll < 58 ? 5 : roll < 90 ? 4 : 3;
        ObjectNode step = step("verify_fixed", resolved + 20 + random.nextInt(36 * 60), null).put("rating", stars);
        if (random.nextInt(3) > 0) {
            step.put("comment", stars >= 4 ? pick(random, COMMENTS_GOOD) : pick(random, COMMENTS_FAIR));
        }
        d.steps.add(step);
    }

    private static Draft duplicate(Random random, Draft original, List<String> phones, String dispatcher) {
        Draft d = new Draft();
        d.filedAgo = original.filedAgo - (30 + random.nextInt(240));
        d.kind = original.kind;
        d.cell = original.cell;
        d.lon = original.lon + (random.nextInt(5) - 2) * 0.00005;
        d.lat = original.lat + (random.nextInt(5) - 2) * 0.00005;
        d.house = original.house;
        d.place = original.place;
        d.rider = pick(random, phones.toArray(String[]::new));
        d.entry = describe(random, d);
        d.duplicateOf = original;
        d.steps.add(step("mark_duplicate", dispatchMinutes(random, d.kind), dispatcher)
                .put("of", "") // the original's code, once codes are given
                .put("note", "与已受理的同一问题重复，已合并处理"));
        return d;
    }

    private static Draft stillOpen(Random random, Kind kind, String state, long filedAgo, List<Cell> cells,
                                   List<String> phones, String dispatcher, String handler) {
        Draft d = draft(random, kind, filedAgo, cells, phones);
        boolean department = state.endsWith("_department") && kind.department() != null;
        int t = dispatchMinutes(random, kind);
        ObjectNode dispatch = step("dispatch", t, dispatcher);
        if (department) {
            dispatch.put("department", kind.department());
        } else {
            dispatch.put("handler", handler);
        }
        d.steps.add(dispatch);
        if (state.startsWith("in_progress")) {
            d.steps.add(step("accept", t + 5 + random.nextInt(40), department ? dispatcher : handler));
        }
        return d;
    }

    private static Draft draft(Random random, Kind kind, long filedAgo, List<Cell> cells, List<String> phones) {
        Draft d = new Draft();
        d.filedAgo = filedAgo;
        d.kind = kind;
        d.cell = cells.get(random.nextInt(cells.size()));
        // inside the grid, away from its edges
        d.lon = d.cell.west() + (0.1 + 0.8 * random.nextDouble()) * (d.cell.east() - d.cell.west());
        d.lat = d.cell.south() + (0.1 + 0.8 * random.nextDouble()) * (d.cell.north() - d.cell.south());
        d.house = 1 + random.nextInt(120);
        d.place = pick(random, PLACES);
        d.rider = random.nextInt(25) == 0 ? DEMO_RIDER_PHONE : pick(random, phones.toArray(String[]::new));
        d.entry = describe(random, d);
        return d;
    }

    private static ObjectNode describe(Random random, Draft d) {
        String street = STREETS.get(d.cell.community());
        ObjectNode e = NODES.objectNode();
        e.put("code", "");
        e.put("category", d.kind.category());
        e.put("description", pick(random, d.kind.descriptions()).replace("{place}", street + d.place));
        e.put("lon", sixDecimals(d.lon));
        e.put("lat", sixDecimals(d.lat));
        e.put("address", "宁乡镇" + street + d.house + "号");
        e.put("rider", d.rider);
        if (d.kind.urgent()) {
            e.put("urgent", true);
        }
        return e;
    }

    /** Within the 10-minute SLA, except about one in fifteen; urgent ones within four minutes. */
    private static int dispatchMinutes(Random random, Kind kind) {
        if (kind.urgent()) {
            return 1 + random.nextInt(4);
        }
        return random.nextInt(15) == 0 ? 11 + random.nextInt(25) : 2 + random.nextInt(8);
    }

    private static ObjectNode step(String action, int minutes, String by) {
        ObjectNode step = NODES.objectNode().put("action", action).put("minutes", minutes);
        if (by != null) {
            step.put("by", by);
        }
        return step;
    }

    /** The entry as one line: filing day and time from its minutes before the apply day, duplicates' "of" filled in. */
    private static String write(Draft d) {
        ObjectNode e = d.entry;
        long day = (d.filedAgo + 1439) / 1440;
        long minuteOfDay = day * 1440 - d.filedAgo;
        e.put("daysAgo", day);
        e.put("time", String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60));
        ArrayNode steps = e.putArray("steps");
        for (ObjectNode step : d.steps) {
            if (step.has("of")) {
                step.put("of", d.duplicateOf.entry.path("code").asText());
            }
            steps.add(step);
        }
        try {
            return JSON.writeValueAsString(e);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<Cell> cells(JsonNode grids) {
        List<Cell> cells = new ArrayList<>();
        for (JsonNode feature : grids.path("features")) {
            if (!feature.path("properties").path("parent").isNull()) {
                continue;
            }
            double west = Double.MAX_VALUE;
            double south = Double.MAX_VALUE;
            double east = -Double.MAX_VALUE;
            double north = -Double.MAX_VALUE;
            for (JsonNode point : feature.path("geometry").path("coordinates").get(0)) {
                west = Math.min(west, point.get(0).asDouble());
                east = Math.max(east, point.get(0).asDouble());
                south = Math.min(south, point.get(1).asDouble());
                north = Math.max(north, point.get(1).asDouble());
            }
            cells.add(new Cell(feature.path("properties").path("community").asText(), west, south, east, north));
        }
        return cells;
    }

    private static String member(ObjectNode manifest, String role) {
        for (JsonNode m : manifest.path("members")) {
            if (m.path("roles").toString().equals("[\"" + role + "\"]")) {
                return m.path("subject").asText();
            }
        }
        throw new IllegalStateException("the manifest has no " + role);
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static BigDecimal sixDecimals(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP);
    }
}
