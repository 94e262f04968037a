package cn.fengxing.open311.service;

import cn.fengxing.open311.api.Open311Format;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * Writes GeoReport v2 documents in the format the path asks for. JSON is the records as they are; XML follows
 * the spec's element names: a list resource is a root with one element per item ({@code services/service}), and
 * a list inside an item is a wrapper of singular elements ({@code attributes/attribute}).
 */
@ApplicationScoped
public class GeoReportWriter {

    /** The spec's XML item names of the lists inside documents. */
    private static final Map<String, String> ITEMS = Map.of("endpoints", "endpoint", "formats", "format",
            "attributes", "attribute", "values", "value");

    private static final XmlMapper XML = XmlMapper.builder()
            .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION).build();

    @Inject
    ObjectMapper json;

    /** A list resource: a JSON array, or the XML root {@code root} holding one {@code item} element per entry. */
    public Response list(Open311Format format, int status, String root, String item, List<?> entries) {
        JsonNode tree = json.valueToTree(entries);
        if (format == Open311Format.json) {
            return respond(format, status, tree);
        }
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        wrapper.set(item, xmlShape(tree));
        return respond(format, status, root, wrapper);
    }

    /** A single document (discovery, service definition) under the XML root {@code root}. */
    public Response document(Open311Format format, String root, Object value) {
        JsonNode tree = json.valueToTree(value);
        return format == Open311Format.json ? respond(format, 200, tree) : respond(format, 200, root, xmlShape(tree));
    }

    private Response respond(Open311Format format, int status, JsonNode tree) {
        try {
            return Response.status(status).type(format.contentType()).entity(json.writeValueAsString(tree)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response respond(Open311Format format, int status, String root, JsonNode tree) {
        try {
            return Response.status(status).type(format.contentType())
                    .entity(XML.writer().withRootName(root).writeValueAsString(tree)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tree with every known inner list wrapped: {"formats": [a, b]} → {"formats": {"format": [a, b]}}. */
    private static JsonNode xmlShape(JsonNode node) {
        if (node instanceof ArrayNode array) {
            ArrayNode shaped = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> shaped.add(xmlShape(element)));
            return shaped;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode shaped = JsonNodeFactory.instance.objectNode();
            object.properties().forEach(field -> {
                String item = ITEMS.get(field.getKey());
                JsonNode value = xmlShape(field.getValue());
                if (item != null && value.isArray()) {
                    shaped.putObject(field.getKey()).set(item, value);
                } else {
                    shaped.set(field.getKey(), value);
                }
            });
            return shaped;
        }
        return node;
    }
}
