package cn.fengxing.common.web;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Booleans and numbers in the path, query, headers and forms: only what reads as one (true/false or 1/0 for a
 * boolean: "maybe" is not false; "abc" is not a page), else a 400 naming the parameter instead of JAX-RS's 404.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    private static final Map<Class<?>, Parse> PARSERS = Map.of(
            Boolean.class, Parse.BOOLEAN, boolean.class, Parse.BOOLEAN,
            Integer.class, new Parse("parameter.integer", Integer::valueOf),
            int.class, new Parse("parameter.integer", Integer::valueOf),
            Long.class, new Parse("parameter.integer", Long::valueOf),
            long.class, new Parse("parameter.integer", Long::valueOf),
            Double.class, Parse.NUMBER, double.class, Parse.NUMBER);

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Parse parse = PARSERS.get(rawType);
        if (parse == null) {
            return null;
        }
        // an absent or empty value is the type's default, as JAX-RS has it (0 and false for primitives)
        Object absent = rawType.isPrimitive() ? Array.get(Array.newInstance(rawType, 1), 0) : null;
        return (ParamConverter<T>) new Converter(parse, nameOf(annotations), absent);
    }

    private record Parse(String key, Function<String, Object> read) {
        static final Parse BOOLEAN = new Parse("parameter.boolean", v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE; // "0" also the default JAX-RS gives an absent primitive
            default -> throw new IllegalArgumentException(v);
        });
        static final Parse NUMBER = new Parse("parameter.number", v -> {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(v);
            }
            return d;
        });
    }

    private record Converter(Parse parse, String name, Object absent) implements ParamConverter<Object> {
        @Override
        public Object fromString(String value) {
            if (value == null || value.isBlank()) {
                return absent;
            }
            try {
                return parse.read().apply(value.strip());
            } catch (IllegalArgumentException e) { // NumberFormatException included
                throw ProblemException.invalid(List.of(new Violation(name, parse.key())));
            }
        }

        @Override
        public String toString(Object value) {
            return String.valueOf(value);
        }
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            String name = a instanceof QueryParam q ? q.value()
                    : a instanceof PathParam p ? p.value()
                    : a instanceof FormParam f ? f.value()
                    : a instanceof HeaderParam h ? h.value()
                    : a instanceof RestQuery q ? q.value()
                    : a instanceof RestPath p ? p.value()
                    : a instanceof RestForm f ? f.value()
                    : a instanceof RestHeader h ? h.value() : "";
            if (!name.isEmpty()) {
                return name;
            }
        }
        return "parameter";
    }
}
