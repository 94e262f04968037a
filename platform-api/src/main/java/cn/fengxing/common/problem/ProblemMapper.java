package cn.fengxing.common.problem;

import cn.fengxing.common.text.Text;
import cn.fengxing.common.web.StrictJson;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one place that turns failures into RFC 9457 problem responses, or, on the paths of an {@link ErrorDialect}
 * (Open311), into that standard's errors.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** About how long a PostgreSQL restart or failover takes. */
    private static final long DATABASE_RETRY_AFTER_SECONDS = 5;

    private static final String FORM_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    @Inject
    Instance<ErrorDialect> dialects;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        List<Problem.FieldError> errors = e.errors == null ? null : e.errors.stream()
                .map(v -> new Problem.FieldError(v.field(), Messages.get(locale, v.key(), v.args())))
                .toList();
        Response response = respond(e.type, locale, Messages.get(locale, e.detailKey, e.args), uri, errors);
        if (e.retryAfterSeconds != null) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), messageOf(v, locale)))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ProblemType.VALIDATION, locale, Messages.get(locale, "validation.failed"), uri, errors);
    }

    // the specific Jackson types are listed so that quarkus-rest-jackson's own mappers do not answer first
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class})
    public Response malformed(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldOf(mismatch);
            String message = Messages.get(locale, e instanceof StrictJson.NulCharacter ? Text.NUL
                    : e instanceof InvalidFormatException ? "malformed.value" : "malformed.type");
            return respond(ProblemType.VALIDATION, locale, Messages.get(locale, "validation.failed"), uri,
                    List.of(new Problem.FieldError(field, message)));
        }
        return respond(ProblemType.MALFORMED, locale, Messages.get(locale, "malformed.json"), uri, null);
    }

    /** The JSON field a Jackson failure is about, as the client writes it: {@code features[0].properties.name}. */
    public static String fieldOf(com.fasterxml.jackson.databind.JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** A form body that cannot be parsed (multipart without or with a broken boundary) is the client's error. */
    @ServerExceptionMapper({IOException.class, IllegalArgumentException.class})
    public Response unreadable(Exception e, HttpHeaders headers, UriInfo uri) {
        // the form parser reports a broken body (multipart, or a bad %-escape in a url-encoded one) only as an
        // IOException or IllegalArgumentException thrown in its own package
        if (Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getClassName().startsWith(FORM_PARSER))) {
            Locale locale = Messages.pick(headers.getAcceptableLanguages());
            return respond(ProblemType.MALFORMED, locale, Messages.get(locale, "malformed.form"), uri, null);
        }
        return unexpected(e, headers, uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED, locale,
                        Messages.get(locale, "auth.required"), uri, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        return respond(ProblemType.FORBIDDEN, locale, Messages.get(locale, "access.role"), uri, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        ProblemType type = ProblemType.forStatus(e.getResponse().getStatus());
        if (type == ProblemType.INTERNAL) {
            return unexpected(e, headers, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, headers, uri);
        }
        if (e.getCause() instanceof ProblemException problem) {
            return problem(problem, headers, uri); // a parameter converter's, which JAX-RS wraps as 404/400
        }
        return respond(type, locale, Messages.get(locale, "http." + type.slug), uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        if (databaseUnreachable(e)) {
            // not a defect: the request changed nothing, and the same request succeeds once the database is back
            LOG.warnf("Database unreachable on %s: %s", uri.getPath(), e.getMessage());
            Response response = respond(ProblemType.SERVICE_UNAVAILABLE, locale,
                    Messages.get(locale, "database.unavailable"), uri, null);
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_AFTER_SECONDS));
            return response;
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return respond(ProblemType.INTERNAL, locale, Messages.get(locale, "internal"), uri, null);
    }

    /**
     * The connection to the database failed or none could be had: SQLSTATE class 08 (connection exception), 57P01–03
     * (the server shutting down or starting), or the pool's wait for a connection timing out (Agroal gives that
     * no SQLSTATE, only its message).
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))
                        || sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    private Response respond(ProblemType type, Locale locale, String detail, UriInfo uri,
                             List<Problem.FieldError> errors) {
        for (ErrorDialect dialect : dialects) {
            if (dialect.covers(uri.getPath())) {
                return Response.fromResponse(dialect.render(uri.getPath(), type.status, detail, errors))
                        .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).build();
            }
        }
        Problem body = new Problem(type.uri(), Messages.get(locale, "title." + type.slug), type.status,
                detail, uri.getPath(), errors == null || errors.isEmpty() ? null : errors);
        return Response.status(type.status)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .entity(body)
                .build();
    }

    /** Our own constraints' messages are keys of the application's messages; the standard ones are Hibernate's. */
    private static String messageOf(ConstraintViolation<?> v, Locale locale) {
        String template = v.getMessageTemplate();
        if (template.startsWith("{") && template.endsWith("}")) {
            String key = template.substring(1, template.length() - 1);
            String own = Messages.get(locale, key);
            if (!own.equals(key)) {
                return own;
            }
        }
        return v.getMessage();
    }

    /** The JSON field a violation is about: its property path without the method and body parameter. */
    private static String fieldOf(ConstraintViolation<?> v) {
        List<Path.Node> nodes = new java.util.ArrayList<>();
        v.getPropertyPath().forEach(n -> {
            if (n.getKind() != ElementKind.METHOD) {
                nodes.add(n);
            }
        });
        if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
            nodes.remove(0); // the request body: the client knows it by its fields only
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }
}
