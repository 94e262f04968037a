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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the grid boundaries of the five demo tenants: {@code deploy/demo/tenants/<code>-grids.geojson}.
 *
 * <p>The boundaries are synthetic. Each tenant's communities (read from its manifest,
 * {@code <code>.yaml}, in manifest order) become non-overlapping rectangular blocks laid out row by
 * row from the north-west, separated by a narrow street, the whole centred on the place's real
 * centre (WGS84). Each block is divided into that community's grids; for 北大街 each grid is
 * further divided into micro-grids ({@code properties.parent} = the grid's code) of 30–50
 * households, the grid's households being the sum of its micro-grids'. Figures follow the seed
 * articles (docs/product.md §5): 北大街 9 communities, 50 grids, 321 micro-grids.
 *
 * <p>Polygons are closed, exterior rings counter-clockwise (RFC 7946), coordinates with 6 decimals.
 * All arithmetic is in integer micro-degrees, so neighbouring shapes share exact edges and a
 * micro-grid lies exactly inside its grid. Randomness (households, nothing else) is seeded with
 * the tenant code: the output is the same on every run, and {@code DemoManifestsTest} checks that
 * the committed files equal what this class generates.
 *
 * <p>Run from the repository root after changing a manifest's communities or a layout below:
 * <pre>
 * ./mvnw -q -f tenant-admin/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.fengxing.admin.demo.DemoGridsGenerator -Dexec.args=deploy/demo/tenants
 * </pre>
 */
public final class DemoGridsGenerator {

    /**
     * Where and how big one tenant's layout is (micro-degrees): centre, community block size,
     * street gap between blocks, and how many grids and micro-grids to spread over the communities.
     */
    public record Layout(String code, long centreLon, long centreLat, long blockWidth, long blockHeight, long gap,
                         int gridsPerCommunity, int totalGrids, int totalMicroGrids) {
    }

    /** The five demo tenants. totalGrids = 0 means gridsPerCommunity for every community. */
    public static final Map<String, Layout> LAYOUTS = Map.of(
            "ningxiang", new Layout("ningxiang", 111_190_000, 37_360_000, 8_000, 6_000, 400, 2, 0, 0),
            "beidajie", new Layout("beidajie", 113_570_000, 37_860_000, 6_000, 5_000, 300, 0, 50, 321),
            "shanyang", new Layout("shanyang", 113_250_000, 35_220_000, 12_000, 10_000, 600, 1, 0, 0),
            "gongcheng", new Layout("gongcheng", 126_610_000, 45_760_000, 8_000, 6_000, 400, 2, 0, 0),
            "yuetan", new Layout("yuetan", 116_350_000, 39_910_000, 5_000, 4_000, 300, 1, 0, 0));

    /**
     * Grid workers 网格员 (property {@code workers}, subjects of the manifest's handlers) of a community's grids, by
     * tenant and community: yuetan's demo grid worker 李娜 looks after 月坛西街社区 (its elders in care pairing).
     */
    static final Map<String, Map<String, List<String>>> WORKERS = Map.of(
            "yuetan", Map.of("c01", List.of("00000000-0000-4000-8000-000000000205")));

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private DemoGridsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DemoGridsGenerator <deploy/demo/tenants directory>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        for (String code : List.of("ningxiang", "beidajie", "shanyang", "gongcheng", "yuetan")) {
            Path manifest = dir.resolve(code + ".yaml");
            Path out = dir.resolve(code + "-grids.geojson");
            Files.writeString(out, render(new ManifestLoader().read(manifest)), StandardCharsets.UTF_8);
            System.out.println("wrote " + out);
        }
    }

    /** The GeoJSON text for one manifest (as read, grids not inlined): one feature per line. */
    public static String render(ObjectNode manifest) {
        String code = manifest.path("code").asText();
        Layout layout = LAYOUTS.get(code);
        if (layout == null) {
            throw new IllegalArgumentException("no layout for tenant " + code);
        }
        List<JsonNode> communities = new ArrayList<>();
        manifest.path("communities").forEach(communities::add);
        List<ObjectNode> features = features(layout, communities);
        Map<String, List<String>> workers = WORKERS.getOrDefault(code, Map.of());
        for (ObjectNode feature : features) {
            ObjectNode properties = (ObjectNode) feature.get("properties");
            List<String> subjects = workers.get(properties.path("community").asText());
            if (subjects != null && properties.path("parent").isNull()) {
                subjects.forEach(properties.putArray("workers")::add);
            }
        }

        StringBuilder text = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (int i = 0; i < features.size(); i++) {
            try {
                text.append(JSON.writeValueAsString(features.get(i)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            text.append(i < features.size() - 1 ? ",\n" : "\n");
        }
        return text.append("]}\n").toString();
    }

    static List<ObjectNode> features(Layout layout, List<JsonNode> communities) {
        Random random = new Random(layout.code().hashCode());
        int n = communities.size();
        int totalGrids = layout.totalGrids() > 0 ? layout.totalGrids() : layout.gridsPerCommunity() * n;
        int[] gridsOf = spread(totalGrids, n);
        int[] microOf = layout.totalMicroGrids() > 0 ? spread(layout.totalMicroGrids(), totalGrids) : new int[totalGrids];

        // community blocks: cols × rows around the centre, separated by the street gap
        int cols = (int) Math.ceil(Math.sqrt(n));
        int rows = (n + cols - 1) / cols;
        long width = cols * layout.blockWidth() + (cols - 1) * layout.gap();
        long height = rows * layout.blockHeight() + (rows - 1) * layout.gap();
        long west = layout.centreLon() - width / 2;
        long north = layout.centreLat() + height / 2;

        List<ObjectNode> features = new ArrayList<>();
        int gridIndex = 0;
        for (int c = 0; c < n; c++) {
            JsonNode community = communities.get(c);
            String communityCode = community.path("code").asText();
            String communityName = community.path("name").asText();
            long minX = west + (c % cols) * (layout.blockWidth() + layout.gap());
            long maxY = north - (c / cols) * (layout.blockHeight() + layout.gap());
            Rect block = new Rect(minX, maxY - layout.blockHeight(), minX + layout.blockWidth(), maxY);

            List<Rect> gridRects = block.split(gridsOf[c]);
            for (int g = 0; g < gridRects.size(); g++, gridIndex++) {
                String gridCode = communityCode + "-g" + twoDigits(g + 1);
                String gridName = communityName + "第" + NUMERALS[g] + "网格";
                int micro = microOf[gridIndex];
                if (micro == 0) {
                    String type = gridIndex % 5 == 2 ? "business" : gridIndex % 7 == 5 ? "fusion" : "basic";
                    int households = "business".equals(type) ? 60 + random.nextInt(181) : 300 + random.nextInt(601);
                    features.add(feature(gridRects.get(g), gridCode, gridName, communityCode, null, type, households));
                    continue;
                }
                ObjectNode grid = feature(gridRects.get(g), gridCode, gridName, communityCode, null, "basic", 0);
                features.add(grid);
                int households = 0;
                List<Rect> microRects = gridRects.get(g).split(micro);
                for (int m = 0; m < microRects.size(); m++) {
                    // the functional micro-grids of the article: 商圈 business, 融合 fusion, and one
                    // 移动 mobile cell per community for its rider squad
                    String type = g == 0 && m == microRects.size() - 1 ? "mobile"
                            : gridIndex % 4 == 1 && m == 0 ? "business"
                            : gridIndex % 6 == 3 && m == 1 ? "fusion" : "basic";
                    int h = 30 + random.nextInt(21);
                    households += h;
                    features.add(feature(microRects.get(m), gridCode + "-m" + twoDigits(m + 1),
                            gridName + (m + 1) + "号微网格", communityCode, gridCode, type, h));
                }
                ((ObjectNode) grid.get("properties")).put("households", households);
            }
        }
        return features;
    }

    private static ObjectNode feature(Rect rect, String code, String name, String community, String parent,
                                      String type, int households) {
        ObjectNode feature = NODES.objectNode().put("type", "Feature");
        ObjectNode properties = feature.putObject("properties")
                .put("code", code).put("name", name).put("community", community);
        if (parent == null) {
            properties.putNull("parent");
        } else {
            properties.put("parent", parent);
        }
        properties.put("type", type).put("households", households);
        ObjectNode geometry = feature.putObject("geometry").put("type", "Polygon");
        ArrayNode ring = geometry.putArray("coordinates").addArray();
        // exterior ring counter-clockwise, closed: SW, SE, NE, NW, SW
        long[][] corners = {{rect.minX, rect.minY}, {rect.maxX, rect.minY}, {rect.maxX, rect.maxY},
                {rect.minX, rect.maxY}, {rect.minX, rect.minY}};
        for (long[] corner : corners) {
            ring.addArray().add(degrees(corner[0])).add(degrees(corner[1]));
        }
        return feature;
    }

    private static BigDecimal degrees(long microDegrees) {
        return BigDecimal.valueOf(microDegrees, 6);
    }

    /** {@code total} spread over {@code parts} as evenly as possible, the larger shares spaced out. */
    static int[] spread(int total, int parts) {
        int[] shares = new int[parts];
        int base = total / parts;
        int extra = total % parts;
        for (int i = 0; i < parts; i++) {
            shares[i] = base + ((i + 1) * extra / parts - i * extra / parts);
        }
        return shares;
    }

    private static String twoDigits(int i) {
        return i < 10 ? "0" + i : String.valueOf(i);
    }

    /** An axis-aligned rectangle in micro-degrees. */
    record Rect(long minX, long minY, long maxX, long maxY) {

        /** Cuts the rectangle into {@code n} rectangles that cover it exactly: rows from the north, cells from the west. */
        List<Rect> split(int n) {
            int cols = (int) Math.ceil(Math.sqrt(n));
            int rows = (n + cols - 1) / cols;
            int[] perRow = spread(n, rows);
            List<Rect> cells = new ArrayList<>(n);
            for (int r = 0; r < rows; r++) {
                long top = maxY - (maxY - minY) * r / rows;
                long bottom = maxY - (maxY - minY) * (r + 1) / rows;
                for (int k = 0; k < perRow[r]; k++) {
                    long left = minX + (maxX - minX) * k / perRow[r];
                    long right = minX + (maxX - minX) * (k + 1) / perRow[r];
                    cells.add(new Rect(left, bottom, right, top));
                }
            }
            return cells;
        }
    }
}
