package cn.fengxing.grid.service;

import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemMapper;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.common.problem.ProblemType;
import cn.fengxing.common.text.Text;
import cn.fengxing.common.web.StrictJson;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads a GeoJSON FeatureCollection one feature at a time within the limits of {@code fengxing.geojson}: an upload
 * past the byte limit is refused by its declared length or as soon as the count passes it (413), a collection with
 * too many features at the first one past the limit (400), so no oversized document is ever held whole.
 */
@ApplicationScoped
public class FeatureCollections {

    /** Receives each feature with its index, in file order. */
    public interface Visitor {
        void feature(int index, JsonNode feature);
    }

    @Inject
    ObjectMapper json;

    @Inject
    FengxingConfig config;

    /** One member of the document being streamed: more follows it, so trailing tokens are expected here. */
    private JsonNode member(JsonParser parser) throws IOException {
        return json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(parser);
    }

    /**
     * Reads an uploaded document of at most {@code fengxing.geojson.max-bytes} ({@code declaredLength} negative when
     * unknown). Problems of the collection itself (not a FeatureCollection, a crs other than WGS84) are added to
     * {@code violations}; returns the number of features.
     */
    public int read(InputStream body, long declaredLength, Visitor visitor, List<Violation> violations) {
        long max = config.geojson().maxBytes();
        if (declaredLength > max) {
            throw tooLarge(max);
        }
        JsonFactory limited = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(max).build()).build();
        try (JsonParser parser = limited.createParser(body)) {
            return read(parser, visitor, violations);
        } catch (StreamConstraintsException e) {
            throw tooLarge(max);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED, "malformed.json", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a collection that is already a tree (a manifest section); the feature limit applies. */
    public int read(JsonNode collection, Visitor visitor, List<Violation> violations) {
        try (JsonParser parser = json.treeAsTokens(collection)) {
            return read(parser, visitor, violations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int read(JsonParser parser, Visitor visitor, List<Violation> violations) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw notACollection();
        }
        boolean collection = false;
        int count = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> collection = value == JsonToken.VALUE_STRING && "FeatureCollection".equals(parser.getText());
                case "crs" -> Boundaries.checkCrs(member(parser), "crs", violations);
                case "features" -> count = features(parser, visitor);
                default -> parser.skipChildren();
            }
        }
        if (!collection || count <= 0) {
            throw notACollection();
        }
        return count;
    }

    private int features(JsonParser parser, Visitor visitor) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw notACollection();
        }
        int max = config.geojson().maxFeatures();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (index == max) {
                throw ProblemException.invalid(List.of(new Violation("features[" + index + "]", "geo.too-many-features", max)));
            }
            JsonNode feature;
            try {
                feature = member(parser);
            } catch (StrictJson.NulCharacter e) {
                // the feature is read on its own: name the field from the top of the document
                throw ProblemException.invalid(List.of(new Violation(
                        "features[" + index + "]." + ProblemMapper.fieldOf(e), Text.NUL)));
            }
            visitor.feature(index++, feature);
        }
        return index;
    }

    private static ProblemException notACollection() {
        return ProblemException.invalid(List.of(new Violation("type", "geo.feature-collection")));
    }

    private static ProblemException tooLarge(long max) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "geo.too-large", null, max / 1024 / 1024);
    }
}
