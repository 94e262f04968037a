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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates each demo township's report history, {@code deploy/demo/tenants/<code>-reports.json} (manifest section
 * {@code reportHistory}). 宁乡镇: the article's 197 reports of snap-and-report 随手拍, 193 of them concluded (193/197 =
 * 98%). The others, each its own mix ({@link #PROFILES}) so that the regional comparison shows differences: 北大街
 * (300, quick micro-grid dispatch), 山阳 (250, slower dispatch, more refused, lower ratings), 工程 (220, including the
 * article's 127 flyposting 小广告 reports, every one cleared: closed_fixed), 月坛 (250, fast, mostly to departments).
 * Where a township has no dispatcher or grid worker, its admin takes those steps.
 *
 * <p>The reports are synthetic: the categories riders report most (garbage, road damage, street lights, flyposting,
 * manhole covers, blocked fire exits, …), points inside the township's grids (read from {@code ningxiang-grids.geojson})
 * with an address on the community's street, Chinese descriptions, reporters from the manifest's rider roster who had
 * joined by then (a few by the demo rider, so their "my reports" has history). Dispatch comes within minutes (most inside the 10-minute SLA, a
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
    /** 工程街道: the article's 127 flyposters cleared. */
    public static final int GONGCHENG_FLYPOSTING = 127;

    /** The demo rider (signed in as {@code rider}): a few reports are theirs. */
    static final String DEMO_RIDER_PHONE = "13900000204";

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** 宁乡镇's street of each community, as the manifest's addresses have it (elsewhere: from the community's name). */
    private static final Map<String, String> STREETS = Map.of("c01", "城北路", "c02", "中心街", "c03", "东关街",
            "c04", "西关路", "c05", "南街", "c06", "龙泉路");

    private static final String[] PLACES = {"菜市场门口", "小学东侧", "公交站旁", "十字路口", "超市对面", "小区北门外",
            "卫生院附近", "加油站旁", "广场西侧", "桥头", "快递驿站门口", "农贸市场后巷"};

    /**
     * A category riders report, how often, where it goes, and what they write and the handler answers. A kind
     * {@code alwaysFixed} is never refused, repeated or left open: every report of it ends closed_fixed.
     */
    record Kind(String category, int count, String department, double toDepartment, boolean urgent,
                String[] descriptions, String[] fixes, boolean alwaysFixed) {

        Kind(String category, int count, String department, double toDepartment, boolean urgent,
             String[] descriptions, String[] fixes) {
            this(category, count, department, toDepartment, urgent, descriptions, fixes, false);
        }

        /** The same kind, {@code count} times, sent to a department with probability {@code toDepartment}. */
        Kind times(int count, double toDepartment, boolean alwaysFixed) {
            return new Kind(category, count, department, department == null ? 0 : toDepartment, urgent, descriptions,
                    fixes, alwaysFixed);
        }
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

    /**
     * A township's mix: its reports per kind, how many concluded otherwise than fixed and verified, how many
     * duplicates (one every {@code duplicateEvery} reports) and still open; one in {@code lateOneIn} dispatched past
     * the 10 minutes; {@code fiveStars}/{@code fourStars}: percentiles of the ratings; {@code sameDay}/{@code inSla}:
     * percentiles of the fixes within ten hours / within three days.
     */
    record Profile(String prefix, long seed, List<Kind> kinds, int reject, int notFixed, int reopened, int autoClose,
                   int duplicates, int duplicateEvery, int open, int lateOneIn, int fiveStars, int fourStars,
                   int sameDay, int inSla) {

        int reports() {
            return kinds.stream().mapToInt(Kind::count).sum();
        }
    }

    private static Kind kind(String category) {
        return KINDS.stream().filter(k -> k.category().equals(category)).findFirst().orElseThrow();
    }

    /** Per township code. */
    static final Map<String, Profile> PROFILES = Map.of(
            "ningxiang", new Profile("nx", 20240521L, KINDS, 6, 3, 4, 12, 4, 45, 4, 15, 58, 90, 55, 94),
            // micro-grids: most reports stay with the community's grid worker, quick and well rated
            "beidajie", new Profile("bdj", 20240601L, List.of(kind("garbage").times(60, 0.15, false),
                    kind("road-damage").times(40, 0.3, false), kind("street-light").times(45, 0.4, false),
                    kind("flyposting").times(35, 0.1, false), kind("manhole-cover").times(30, 0.3, false),
                    kind("fire-exit-blocked").times(30, 0.2, false), kind("pipe-leak").times(15, 0.6, false),
                    kind("uncivil-behaviour").times(25, 0.1, false), kind("stray-animal").times(10, 0.3, false),
                    kind("lone-elder-no-answer").times(6, 0, false), kind("gas-leak").times(4, 1, false)),
                    5, 2, 6, 10, 8, 35, 6, 25, 65, 93, 65, 97),
            // a district: slower dispatch, more refused or not fixed, fewer satisfied
            "shanyang", new Profile("sy", 20240602L, List.of(kind("garbage").times(50, 0.4, false),
                    kind("road-damage").times(45, 0.6, false), kind("street-light").times(35, 0.7, false),
                    kind("flyposting").times(20, 0.4, false), kind("manhole-cover").times(25, 0.6, false),
                    kind("fire-exit-blocked").times(20, 0.5, false), kind("pipe-leak").times(20, 0.8, false),
                    kind("uncivil-behaviour").times(20, 0.4, false), kind("stray-animal").times(8, 0.5, false),
                    kind("lone-elder-no-answer").times(4, 0, false), kind("gas-leak").times(3, 1, false)),
                    14, 8, 10, 30, 6, 38, 12, 5, 35, 75, 35, 85),
            // 小巷管家: the article's 127 flyposters cleared, every one
            "gongcheng", new Profile("gc", 20240603L, List.of(
                    kind("flyposting").times(GONGCHENG_FLYPOSTING, 0.2, true), kind("garbage").times(30, 0.3, false),
                    kind("road-damage").times(15, 0.4, false), kind("street-light").times(15, 0.6, false),
                    kind("manhole-cover").times(8, 0.5, false), kind("fire-exit-blocked").times(10, 0.3, false),
                    kind("uncivil-behaviour").times(10, 0.3, false), kind("stray-animal").times(3, 0.5, false),
                    kind("lone-elder-no-answer").times(2, 0, false)),
                    4, 2, 3, 15, 3, 60, 5, 12, 50, 88, 50, 92),
            // the capital's street office: very fast, mostly to departments, best rated
            "yuetan", new Profile("yt", 20240604L, List.of(kind("garbage").times(40, 0.6, false),
                    kind("road-damage").times(30, 0.8, false), kind("street-light").times(35, 0.9, false),
                    kind("flyposting").times(30, 0.6, false), kind("manhole-cover").times(25, 0.8, false),
                    kind("fire-exit-blocked").times(30, 0.6, false), kind("pipe-leak").times(20, 0.9, false),
                    kind("uncivil-behaviour").times(25, 0.6, false), kind("stray-animal").times(5, 0.7, false),
                    kind("lone-elder-no-answer").times(6, 0, false), kind("gas-leak").times(4, 1, false)),
                    3, 1, 2, 6, 5, 45, 3, 40, 75, 96, 70, 98));

    private DemoReportsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DemoReportsGenerator <deploy/demo/tenants directory>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        for (String code : PROFILES.keySet().stream().sorted().toList()) {
            Path out = dir.resolve(code + "-reports.json");
            Files.writeString(out, render(dir.resolve(code + ".yaml")), StandardCharsets.UTF_8);
            System.out.println("wrote " + out);
        }
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

    /** One township's generation: its mix, its seeded randomness, grids, streets, roster and staff. */
    private static final class Township {
        final Profile profile;
        final Random random;
        final List<Cell> cells;
        final String name;
        final Map<String, String> streets = new HashMap<>();
        /** The roster but the demo rider. */
        final DemoRoster roster;
        final boolean demoRider;
        final String dispatcher;
        final String handler;

        Township(Profile profile, ObjectNode manifest, List<Cell> cells) {
            this.profile = profile;
            this.random = new Random(profile.seed());
            this.cells = cells;
            this.name = manifest.path("name").asText();
            manifest.path("communities").forEach(c -> streets.put(c.path("code").asText(),
                    manifest.path("code").asText().equals("ningxiang") ? STREETS.get(c.path("code").asText())
                            : street(c.path("name").asText())));
            roster = new DemoRoster(manifest.path("riders"));
            demoRider = roster.phones.remove(DEMO_RIDER_PHONE);
            // where there is no dispatcher or grid worker, the township's admin takes their steps
            String admin = member(manifest, "tenant_admin", null);
            dispatcher = member(manifest, "dispatcher", admin);
            handler = member(manifest, "handler", admin);
        }

        /** A rider of the roster who had joined by the filing day. */
        String rider(long filedAgo) {
            return roster.draw(random, (filedAgo + 1439) / 1440);
        }
    }

    /** A community's street for addresses: its name without 社区 (青年路社区 → 青年路; 新兴社区 → 新兴路). */
    static String street(String community) {
        String s = community.replace("社区", "");
        return s.matches(".*[路街巷里道]") ? s : s + "路";
    }

    /** The JSON text of the history for the manifest (its riders, members and grids file): one report per line. */
    public static String render(Path manifestFile) {
        ManifestLoader loader = new ManifestLoader();
        ObjectNode manifest = loader.read(manifestFile);
        Profile profile = PROFILES.get(manifest.path("code").asText());
        Township t = new Township(profile, manifest, cells(loader.readGrids(manifestFile, manifest.path("grids").asText())));
        Random random = t.random;

        List<Kind> slots = new ArrayList<>();
        profile.kinds().forEach(k -> slots.addAll(Collections.nCopies(k.count(), k)));
        int reports = profile.reports();
        int concluded = reports - profile.open();
        Collections.shuffle(slots, random);

        // the outcome of each concluded report, spread over the year; the last slots stay open
        List<String> outcomes = new ArrayList<>();
        outcomes.addAll(Collections.nCopies(profile.reject(), "reject"));
        outcomes.addAll(Collections.nCopies(profile.notFixed(), "closed_not_fixed"));
        outcomes.addAll(Collections.nCopies(profile.reopened(), "reopened"));
        outcomes.addAll(Collections.nCopies(profile.autoClose(), "auto_close"));
        int duplicates = profile.duplicates();
        outcomes.addAll(Collections.nCopies(concluded - duplicates - outcomes.size(), "verified"));
        Collections.shuffle(outcomes, random);

        int concludedOriginals = concluded - duplicates;
        keepAlwaysFixed(slots, outcomes, concludedOriginals);
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < concludedOriginals; i++) {
            // filed 360 … 14 days before the apply day, between 07:00 and 22:00
            long day = 360 - Math.round(i * 346.0 / (concludedOriginals - 1));
            drafts.add(concluded(t, slots.get(i), outcomes.get(i), day * 1440 - (7 * 60 + random.nextInt(15 * 60))));
        }
        // duplicates: the same hazard again, a few hours after a report of the past year (not an urgent one)
        for (int d = 0; d < duplicates; d++) {
            Draft original = drafts.get(20 + d * profile.duplicateEvery());
            while (original.kind.urgent() || original.kind.alwaysFixed()) {
                original = drafts.get(drafts.indexOf(original) + 1);
            }
            drafts.add(duplicate(t, original));
        }
        // still open: filed yesterday or the day before, in the morning
        String[] open = {"dispatched", "dispatched_department", "in_progress", "in_progress_department"};
        for (int o = 0; o < profile.open(); o++) {
            long filedAgo = (o < profile.open() / 2 ? 2 : 1) * 1440L - (8 * 60 + random.nextInt(4 * 60));
            drafts.add(stillOpen(t, slots.get(concludedOriginals + o), open[o % open.length], filedAgo));
        }

        drafts.sort(Comparator.comparingLong((Draft x) -> -x.filedAgo));
        for (int i = 0; i < drafts.size(); i++) {
            drafts.get(i).entry.put("code", String.format("%s-%04d", profile.prefix(), i + 1));
        }
        StringBuilder text = new StringBuilder("[\n");
        for (int i = 0; i < drafts.size(); i++) {
            text.append(write(drafts.get(i))).append(i < drafts.size() - 1 ? ",\n" : "\n");
        }
        return text.append("]\n").toString();
    }

    /**
     * A kind that always ends fixed gets no open slot and no outcome but a fixed one: swapped, without drawing, with
     * another kind's (nothing moves where no kind is always fixed).
     */
    private static void keepAlwaysFixed(List<Kind> slots, List<String> outcomes, int concludedOriginals) {
        for (int o = concludedOriginals; o < slots.size(); o++) {
            if (slots.get(o).alwaysFixed()) {
                int j = 0;
                while (slots.get(j).alwaysFixed()) {
                    j++;
                }
                Collections.swap(slots, o, j);
            }
        }
        List<String> fixed = List.of("verified", "auto_close", "reopened");
        for (int i = 0; i < concludedOriginals; i++) {
            if (slots.get(i).alwaysFixed() && !fixed.contains(outcomes.get(i))) {
                int j = 0;
                while (slots.get(j).alwaysFixed() || !fixed.contains(outcomes.get(j))) {
                    j++;
                }
                Collections.swap(outcomes, i, j);
            }
        }
    }

    private static Draft concluded(Township town, Kind kind, String outcome, long filedAgo) {
        Random random = town.random;
        String dispatcher = town.dispatcher;
        String handler = town.handler;
        Draft d = draft(town, kind, filedAgo);
        int t = dispatchMinutes(town, kind);
        if (outcome.equals("reject")) {
            d.steps.add(step("reject", t, dispatcher).put("note", pick(random, REJECT_REASONS)));
            return d;
        }
        boolean department = kind.department() != null && random.nextDouble() < kind.toDepartment();
        String worker = department ? dispatcher : handler; // the dispatcher acts for departments
        t = work(town, d, kind, t, department, worker, true);
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
                t = work(town, d, kind, t + 5 + random.nextInt(25), department, worker, false);
                verify(town, d, t, 4);
            }
            default -> verify(town, d, t, 0);
        }
        return d;
    }

    /** Dispatch, accept and resolve from minute {@code t}; returns the minute of the resolution. */
    private static int work(Township town, Draft d, Kind kind, int t, boolean department, String worker, boolean first) {
        Random random = town.random;
        ObjectNode dispatch = step("dispatch", t, town.dispatcher);
        if (department) {
            dispatch.put("department", kind.department());
        } else {
            dispatch.put("handler", town.handler);
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
        int hours = kind.urgent() ? 1 + random.nextInt(3) : roll < town.profile.sameDay() ? 1 + random.nextInt(10)
                : roll < town.profile.inSla() ? 10 + random.nextInt(52) : 76 + random.nextInt(40);
        t += hours * 60 + random.nextInt(60);
        d.steps.add(step("resolve", t, worker).put("note", pick(random, kind.fixes())));
        return t;
    }

    /** The rider confirms the fix: mostly 5 or 4 stars. {@code rating} 0: drawn. */
    private static void verify(Township town, Draft d, int resolved, int rating) {
        Random random = town.random;
        int roll = random.nextInt(100);
        int stars = rating > 0 ? rating : roll < town.profile.fiveStars() ? 5 : roll < town.profile.fourStars() ? 4 : 3;
        ObjectNode step = step("verify_fixed", resolved + 20 + random.nextInt(36 * 60), null).put("rating", stars);
        if (random.nextInt(3) > 0) {
            step.put("comment", stars >= 4 ? pick(random, COMMENTS_GOOD) : pick(random, COMMENTS_FAIR));
        }
        d.steps.add(step);
    }

    private static Draft duplicate(Township town, Draft original) {
        Random random = town.random;
        Draft d = new Draft();
        d.filedAgo = original.filedAgo - (30 + random.nextInt(240));
        d.kind = original.kind;
        d.cell = original.cell;
        d.lon = original.lon + (random.nextInt(5) - 2) * 0.00005;
        d.lat = original.lat + (random.nextInt(5) - 2) * 0.00005;
        d.house = original.house;
        d.place = original.place;
        d.rider = town.rider(d.filedAgo);
        d.entry = describe(town, d);
        d.duplicateOf = original;
        d.steps.add(step("mark_duplicate", dispatchMinutes(town, d.kind), town.dispatcher)
                .put("of", "") // the original's code, once codes are given
                .put("note", "与已受理的同一问题重复，已合并处理"));
        return d;
    }

    private static Draft stillOpen(Township town, Kind kind, String state, long filedAgo) {
        Random random = town.random;
        String dispatcher = town.dispatcher;
        String handler = town.handler;
        Draft d = draft(town, kind, filedAgo);
        boolean department = state.endsWith("_department") && kind.department() != null;
        int t = dispatchMinutes(town, kind);
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

    private static Draft draft(Township town, Kind kind, long filedAgo) {
        Random random = town.random;
        List<Cell> cells = town.cells;
        Draft d = new Draft();
        d.filedAgo = filedAgo;
        d.kind = kind;
        d.cell = cells.get(random.nextInt(cells.size()));
        // inside the grid, away from its edges
        d.lon = d.cell.west() + (0.1 + 0.8 * random.nextDouble()) * (d.cell.east() - d.cell.west());
        d.lat = d.cell.south() + (0.1 + 0.8 * random.nextDouble()) * (d.cell.north() - d.cell.south());
        d.house = 1 + random.nextInt(120);
        d.place = pick(random, PLACES);
        d.rider = random.nextInt(25) == 0 && town.demoRider ? DEMO_RIDER_PHONE : town.rider(filedAgo);
        d.entry = describe(town, d);
        return d;
    }

    private static ObjectNode describe(Township town, Draft d) {
        Random random = town.random;
        String street = town.streets.get(d.cell.community());
        ObjectNode e = NODES.objectNode();
        e.put("code", "");
        e.put("category", d.kind.category());
        e.put("description", pick(random, d.kind.descriptions()).replace("{place}", street + d.place));
        e.put("lon", sixDecimals(d.lon));
        e.put("lat", sixDecimals(d.lat));
        e.put("address", town.name + street + d.house + "号");
        e.put("rider", d.rider);
        if (d.kind.urgent()) {
            e.put("urgent", true);
        }
        return e;
    }

    /** Within the 10-minute SLA, except about one in {@code lateOneIn} (宁乡: fifteen); urgent ones within four minutes. */
    private static int dispatchMinutes(Township town, Kind kind) {
        Random random = town.random;
        if (kind.urgent()) {
            return 1 + random.nextInt(4);
        }
        return random.nextInt(town.profile.lateOneIn()) == 0 ? 11 + random.nextInt(25) : 2 + random.nextInt(8);
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

    /** The member holding just this role, else {@code otherwise} (none: an error). */
    private static String member(ObjectNode manifest, String role, String otherwise) {
        for (JsonNode m : manifest.path("members")) {
            if (m.path("roles").toString().equals("[\"" + role + "\"]")) {
                return m.path("subject").asText();
            }
        }
        if (otherwise == null) {
            throw new IllegalStateException("the manifest has no " + role);
        }
        return otherwise;
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static BigDecimal sixDecimals(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP);
    }
}
