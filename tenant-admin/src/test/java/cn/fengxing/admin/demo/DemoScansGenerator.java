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
 * meeting, half at a training), and 宁乡's three riders' forums 恳谈会 (about one in four);</li>
 * <li>{@code <code>-suggestions.json}: suggestions riders raised 意见建议 (宁乡) about rest stations, charging, parking at
 * gated communities, insurance, traffic safety and the platforms, in the app and at the quarterly riders' forum
 * 骑手恳谈会, nearly all answered within a few days by the duty desk or the admin, then many adopted by the admin and some
 * not (with the reason); the last few days' not answered yet;</li>
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
    /** Townships with an events history: all five. */
    static final List<String> EVENTS = List.of("beidajie", "gongcheng", "ningxiang", "shanyang", "yuetan");
    /** Days ago of the monthly meetings (and, a few days later in months 1, 4, 7, 10, the quarterly training). */
    static final int FIRST_MEETING = 20;
    static final int TRAINING_AFTER = 5;
    /** Townships with a suggestions history, and how many suggestions it has. */
    static final Map<String, Integer> SUGGESTIONS = Map.of("ningxiang", 96);
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
        for (String code : EVENTS) {
            write(dir.resolve(code + "-events.json"), events(dir.resolve(code + ".yaml")));
        }
        for (String code : SUGGESTIONS.keySet().stream().sorted().toList()) {
            write(dir.resolve(code + "-suggestions.json"), suggestions(dir.resolve(code + ".yaml")));
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

    /**
     * What riders suggest, by category, each with the township's answer, what adopting it meant and why it could not
     * be adopted; {c} stands for a friendly community, {s} for a station of the township.
     */
    private static final String[][] SUGGESTED = {
            {"stations", "{s}晚上九点就关门了，夜班骑手没地方歇脚喝水，建议延长到晚上十一点。",
                    "已与驿站负责人沟通，正在排值班表，试行延长开放时间。", "自下月起{s}延长开放至23:00。",
                    "驿站由商户代管，夜间无人值守存在安全隐患，暂无法延长。"},
            {"stations", "{s}只有两个充电插座，高峰时排队充电，建议加装充电柜。",
                    "已登记，正在联系供电所核实驿站用电负荷。", "已在{s}加装一组8口换电充电柜。",
                    "驿站线路负荷不足，改造需产权方同意，已推荐附近的E站充电点。"},
            {"stations", "希望{s}配微波炉和饮水机，冬天能吃口热饭。", "收到，已列入驿站提升清单。",
                    "已为{s}配齐微波炉、饮水机和急救药箱。", "驿站面积有限，已在附近E站提供热水。"},
            {"stations", "{s}的位置不好找，导航搜不到，建议在路口加个指示牌。", "已请驿站在地图平台上补充位置信息。",
                    "路口指示牌已安装，地图平台已能搜索到。", "路口属市政设施，指示牌需报批，已先在地图平台标注。"},
            {"work_conditions", "{c}门禁不让电动车进，送餐只能推车走进去，能否在门口设骑手临时停车点？",
                    "已与{c}物业协商，先在东门划出临时停车区。", "{c}已设骑手专用临时停车位并发放电子通行证。",
                    "物业担心消防通道被占，暂不同意，已协调改由侧门步行快速通道进入。"},
            {"work_conditions", "{c}保安要求登记身份证才让进，高峰期耽误时间，建议用骑手码扫码进门。",
                    "已将{c}纳入骑手友好小区推进名单。", "{c}已开通骑手码扫码通行。",
                    "小区业委会未通过，继续沟通中，先为常驻骑手办理电子通行证。"},
            {"work_conditions", "夏天中午太热，建议在商业街设几个遮阳避暑点。", "已转城管中队和各社区研究选址。",
                    "在城北、城南商业街各设一处避暑点，提供凉茶和藿香正气水。",
                    "商业街沿线无合适场地，已请各驿站夏季中午开放供骑手避暑。"},
            {"work_conditions", "高峰期电梯不让外卖员用，十几层爬楼太累，希望物业能开放一部电梯。",
                    "已与相关小区物业沟通，高峰时段协调开放一部电梯。", "三个小区已在午晚高峰开放货梯供骑手使用。",
                    "电梯归全体业主所有，物业无权单方面开放，已建议设置外卖柜。"},
            {"rights", "希望镇里统一帮骑手买意外险，很多兼职骑手没有保险。",
                    "已联系保险公司和平台了解团体意外险方案。", "镇工会为在册骑手统一投保团体意外险，已生效。",
                    "保险由平台按规定缴纳，镇里无专项资金，已督促平台为兼职骑手补齐。"},
            {"rights", "超时扣款标准不清楚，遇到电梯坏了也被扣钱，希望帮忙和平台沟通申诉渠道。",
                    "已将情况反馈给平台站点负责人，约定每月召开一次申诉沟通会。",
                    "平台已开通恶劣天气和不可抗力免责申诉，驿站可协助提交。",
                    "扣款规则属平台统一制定，镇里无权更改，已协助反映到平台区域总部。"},
            {"rights", "希望能有骑手体检，常年骑车腰不好。", "已与镇卫生院联系体检安排。",
                    "镇卫生院为骑手提供每年一次免费基础体检。", "今年体检名额已满，已列入明年计划。"},
            {"rights", "孩子上学的事不知道找谁咨询，希望驿站能提供政策咨询。", "已请各社区党群服务中心安排专人解答。",
                    "每月第一个周三在驿站开展政策咨询日。", "入学政策由教育部门统一解答，已在驿站张贴咨询电话。"},
            {"delivery", "平台派单经常让人逆行抄近路，建议和平台沟通调整导航路线。",
                    "已把易逆行路段整理给平台站点，请其调整派单路线。", "平台已在镇区五个路口调整导航，不再引导逆行。",
                    "导航规则由平台总部统一调整，已持续反映。"},
            {"delivery", "外卖柜太少，顾客不下楼取餐，希望在{c}多放几个外卖柜。",
                    "已与{c}物业和外卖柜运营方对接。", "{c}新增两组外卖柜，骑手可直接投放。",
                    "小区公共区域改造需业主表决，暂不能增设。"},
            {"delivery", "不同平台的骑手在驿站抢充电位，建议驿站按时段预约。", "已在驿站试行登记排队。",
                    "驿站充电位已实行扫码预约。", "预约需要新系统支持，暂维持现场排队。"},
            {"community", "{c}路口晚上太黑，送餐不安全，建议加装路灯。", "已转住建站和供电所现场查看。",
                    "{c}路口已加装两盏路灯。", "该路段属于待拆迁区域，暂不安装，已请社区加强巡查。"},
            {"community", "学校门口放学时电动车乱停，建议划出外卖临时停车区。", "已转城管中队和学校研究。",
                    "已在学校东侧划设外卖临时停车区。", "学校周边为禁停区域，已建议骑手在指定路口等候。"},
            {"community", "希望组织骑手交通安全培训，很多新骑手不熟悉路况。", "已安排交警中队与驿站联合开展培训。",
                    "每季度在驿站开展一次交通安全与应急救护培训。", "本季度培训已结束，下季度安排。"},
            {"community", "骑手愿意参加社区志愿服务，希望能和积分挂钩。", "已将建议转给爱心积分管理员研究。",
                    "志愿服务已纳入爱心积分，每次可得10分。", "积分规则年内已定，明年修订时一并考虑。"},
            {"other", "希望驿站能提供雨衣和手套借用，下雨天很需要。", "已请驿站准备一批雨具。",
                    "各A级驿站已配备雨衣、手套借用箱。", "驿站物资有限，已推荐商家提供优惠雨具。"},
            {"other", "过年期间回不了家的骑手希望能一起吃个年夜饭。", "已与党群服务中心商量组织。",
                    "除夕在党群服务中心举办骑手团圆饭，共60人参加。", "场地已被占用，改为发放节日慰问包。"},
    };

    /**
     * The township's suggestions over the year: riders (those who had joined) raise them in the app on random days,
     * more lately, and at the quarterly riders' forum 骑手恳谈会 the admin records three at once. Nearly all are answered
     * within hours or days (by the duty desk or the admin); those answered long enough ago are mostly decided by the
     * admin: about half adopted, some not (with the reason); the last days' wait for an answer.
     */
    public static String suggestions(Path manifestFile) {
        ObjectNode manifest = new ManifestLoader().read(manifestFile);
        String code = manifest.path("code").asText();
        Random random = new Random(20240705L + code.hashCode());
        DemoRoster roster = new DemoRoster(manifest.path("riders"));
        String admin = admin(manifest);
        String desk = member(manifest, "dispatcher", admin);
        List<String> communities = new ArrayList<>();
        manifest.path("friendlyCommunities").forEach(f -> communities.add(f.path("name").asText()));
        List<String> stations = new ArrayList<>();
        manifest.path("stations").forEach(st -> stations.add(st.path("name").asText()));
        List<ObjectNode> entries = new ArrayList<>();
        int count = SUGGESTIONS.get(code);
        for (int i = 0; i < count; i++) {
            boolean forum = i % 8 == 7;
            // the forum meets quarterly; the app's suggestions come more lately, as the roster grows
            int daysAgo = forum ? 30 + 90 * ((i / 8) % 4) : 1 + (int) (358 * (1 - Math.sqrt(random.nextDouble())));
            int minute = forum ? 15 * 60 + random.nextInt(90) : 8 * 60 + random.nextInt(14 * 60);
            String[] s = SUGGESTED[random.nextInt(SUGGESTED.length)];
            String c = communities.get(random.nextInt(communities.size()));
            String st = stations.get(random.nextInt(stations.size()));
            ObjectNode e = JsonNodeFactory.instance.objectNode().put("code", "").put("daysAgo", daysAgo)
                    .put("time", String.format("%02d:%02d", minute / 60, minute % 60));
            if (forum) {
                e.put("channel", "forum");
            }
            e.put("rider", roster.draw(random, daysAgo)).put("category", s[0])
                    .put("text", (forum ? "骑手恳谈会上提出：" : "") + fill(s[1], c, st));
            // hours left between the suggestion and now (its day's midnight, counted from its time of day)
            int budget = daysAgo * 24 - minute / 60 - 1;
            int answerHours = officeHours(minute, forum ? 24 + random.nextInt(48)
                    : 1 + (int) Math.round(Math.pow(random.nextDouble(), 2) * 70));
            if (budget > answerHours && random.nextInt(25) > 0) {
                String by = forum || random.nextInt(5) < 2 ? admin : desk;
                e.put("answer", fill(s[2], c, st)).put("answerHours", answerHours).put("by", by);
                int decisionHours = officeHours(minute + answerHours * 60, 24 + random.nextInt(14 * 24));
                int decide = random.nextInt(10);
                if (budget > answerHours + decisionHours && decide < 8) {
                    boolean adopted = decide < 5;
                    e.put("by", admin).put("decision", adopted ? "adopted" : "not_adopted")
                            .put("note", fill(adopted ? s[3] : s[4], c, st)).put("decisionHours", decisionHours);
                }
            }
            entries.add(e);
        }
        return render(entries, prefix(code) + "-sg");
    }

    /** At least {@code hours} hours after {@code minute} (of a day), landing in the township's office hours 8–20. */
    private static int officeHours(int minute, int hours) {
        int hour = (minute / 60 + hours) % 24;
        // a night's answer waits for the morning, between 8 and 12
        return hour >= 8 && hour < 20 ? hours : hours + (hour < 8 ? 8 - hour : 32 - hour) + hours % 4;
    }

    private static String fill(String text, String community, String station) {
        return text.replace("{c}", community).replace("{s}", station);
    }

    /** The first member holding only {@code role}, or {@code otherwise}. */
    private static String member(ObjectNode manifest, String role, String otherwise) {
        for (JsonNode m : manifest.path("members")) {
            if (m.path("roles").toString().equals("[\"" + role + "\"]")) {
                return m.path("subject").asText();
            }
        }
        return otherwise;
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
