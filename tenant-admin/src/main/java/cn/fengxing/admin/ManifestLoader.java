package cn.fengxing.admin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a tenant manifest (YAML or JSON, chosen by the file extension) into the JSON document
 * that {@code PUT /api/platform/tenants/{code}} takes.
 *
 * <p>If {@code grids} is a string it names a GeoJSON FeatureCollection file, relative to the
 * manifest's directory; that file is read and put in its place. So are the history sections
 * ({@link #HISTORY}): each a JSON file with its list of entries (pairingHistory: an object of lists). Problems with the local files are
 * usage errors (exit 2): nothing has been sent yet.
 */
public final class ManifestLoader {

    /** Tenant codes: a lower-case slug, 2–32 characters. */
    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    /** Sections whose entries may live in a JSON file of their own, named by the manifest. */
    public static final List<String> HISTORY = List.of("reportHistory", "epassHistory", "stationVisitHistory",
            "discountUseHistory", "pointsHistory", "eventsHistory",
            "suggestionsHistory", "careHistory", "pairingHistory");

    private final ObjectMapper json;
    private final ObjectMapper yaml;

    public ManifestLoader() {
        this.json = Json.mapper();
        this.yaml = new ObjectMapper(YAMLFactory.builder().build())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Reads the manifest and inlines its grids file; the result is ready to send. */
    public ObjectNode load(Path file) {
        ObjectNode manifest = read(file);
        JsonNode code = manifest.get("code");
        if (code == null || !code.isTextual()) {
            throw CliException.usage("manifest " + file + " has no 'code'");
        }
        if (!CODE.matcher(code.asText()).matches()) {
            throw CliException.usage("manifest " + file + ": code '" + code.asText()
                    + "' is not a valid tenant code (lower-case slug " + CODE.pattern() + ")");
        }
        JsonNode grids = manifest.get("grids");
        if (grids != null && grids.isTextual()) {
            manifest.set("grids", readGrids(file, grids.asText()));
        }
        for (String key : HISTORY) {
            JsonNode history = manifest.get(key);
            if (history != null && history.isTextual()) {
                manifest.set(key, readHistory(file, key, history.asText()));
            }
        }
        return manifest;
    }

    /** Reads the manifest as it is on disk, without inlining anything. */
    public ObjectNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw CliException.usage("manifest file not found: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            mapper = yaml;
        } else if (name.endsWith(".json")) {
            mapper = json;
        } else {
            throw CliException.usage("manifest " + file + ": unknown format, expected a .yaml, .yml or .json file");
        }
        JsonNode tree = parse(mapper, file, "manifest");
        if (!tree.isObject()) {
            throw CliException.usage("manifest " + file + " is not an object (a mapping of code, name, region, …)");
        }
        return (ObjectNode) tree;
    }

    /** Resolves {@code grids: <path>} against the manifest's directory and reads the FeatureCollection. */
    public ObjectNode readGrids(Path manifestFile, String reference) {
        Path gridsFile = included(manifestFile, "grids", reference);
        JsonNode tree = parse(json, gridsFile, "grids file");
        if (!tree.isObject() || !"FeatureCollection".equals(tree.path("type").asText())) {
            throw CliException.usage("grids file " + gridsFile + " is not a GeoJSON FeatureCollection");
        }
        return (ObjectNode) tree;
    }

    /** Resolves a history section's {@code <key>: <path>} against the manifest's directory and reads its list. */
    public JsonNode readHistory(Path manifestFile, String key, String reference) {
        Path historyFile = included(manifestFile, key, reference);
        JsonNode tree = parse(json, historyFile, key + " file");
        // a list of entries, or (pairingHistory) an object of such lists
        if (!tree.isArray() && !tree.isObject()) {
            throw CliException.usage(key + " file " + historyFile + " is not a JSON list of entries or an object");
        }
        return tree;
    }

    /** The file a manifest key names, relative to the manifest's directory; it must exist. */
    private static Path included(Path manifestFile, String key, String reference) {
        Path file;
        try {
            file = manifestFile.toAbsolutePath().getParent().resolve(reference).normalize();
        } catch (InvalidPathException e) {
            throw CliException.usage("manifest " + manifestFile + ": " + key + " '" + reference + "' is not a file path");
        }
        if (!Files.isRegularFile(file)) {
            throw CliException.usage(key + " file not found: " + file + " (named by '" + key + "' in " + manifestFile + ")");
        }
        return file;
    }

    private static JsonNode parse(ObjectMapper mapper, Path file, String what) {
        try {
            JsonNode tree = mapper.readTree(file.toFile());
            if (tree == null || tree.isMissingNode()) {
                throw CliException.usage(what + " " + file + " is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw CliException.usage("cannot parse " + what + " " + file + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw CliException.usage("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }
}
