package cn.fengxing.common.web;

import cn.fengxing.common.text.Text;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * How JSON is read, request bodies and uploaded JSON files alike: one value per body (trailing content is
 * malformed), and no string, key or tree text with the NUL character (PostgreSQL cannot store it), refused with
 * the JSON path of the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("fengxing-strict-text")
                .addDeserializer(String.class, new Strings())
                .addKeyDeserializer(String.class, new Keys())
                .addDeserializer(JsonNode.class, new Trees()));
    }

    /** A string value with the NUL character; the problem mapper names its field. */
    public static final class NulCharacter extends InvalidFormatException {
        NulCharacter(JsonParser p, String value) {
            super(p, "NUL character in text", value, String.class);
        }
    }

    private static final class Strings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (Text.hasNul(value)) {
                throw new NulCharacter(p, value);
            }
            return value;
        }
    }

    private static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            if (Text.hasNul(key)) {
                throw new NulCharacter(ctxt.getParser(), key);
            }
            return key;
        }
    }

    /** Trees (GeoJSON, manifest sections) read as usual, then searched for NUL in names and text. */
    private static final class Trees extends StdDeserializer<JsonNode> {
        private final JsonDeserializer<? extends JsonNode> standard =
                JsonNodeDeserializer.getDeserializer(JsonNode.class);

        Trees() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = standard.deserialize(p, ctxt);
            Deque<Object> path = new ArrayDeque<>();
            if (hasNul(tree, path)) {
                JsonMappingException e = new NulCharacter(p, null);
                while (!path.isEmpty()) {
                    Object step = path.removeLast();
                    if (step instanceof Integer index) {
                        e.prependPath(tree, index);
                    } else {
                        e.prependPath(tree, (String) step);
                    }
                }
                throw e;
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) {
            return NullNode.getInstance(); // as the standard tree reader: JSON null is a node
        }

        /** Whether the tree has NUL somewhere; if so, {@code path} leads to it. */
        private static boolean hasNul(JsonNode node, Deque<Object> path) {
            if (node.isTextual()) {
                return Text.hasNul(node.textValue());
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    path.addLast(i);
                    if (hasNul(node.get(i), path)) {
                        return true;
                    }
                    path.removeLast();
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    path.addLast(field.getKey());
                    if (Text.hasNul(field.getKey()) || hasNul(field.getValue(), path)) {
                        return true;
                    }
                    path.removeLast();
                }
            }
            return false;
        }
    }
}
