package cn.fengxing.common.web;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.common.problem.ProblemType;
import cn.fengxing.common.text.Text;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses what no operation can take before any handler, the access check included, runs: a URI or headers past
 * the API's limits (the server's own, higher limits answer without a body), the NUL character in a path or query
 * parameter (PostgreSQL cannot store it), and a multipart body without a boundary. Form fields are checked for NUL
 * once the form is read, JSON bodies while they are read ({@link StrictJson}).
 */
public class InputGuard {

    /** The longest request line the API reads; the server's hard limit (application.properties) is above it. */
    public static final int MAX_URI = 4096;

    /** The most header bytes the API reads; the server's hard limit (application.properties) is above it. */
    public static final int MAX_HEADERS = 16 * 1024;

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public void envelope(HttpServerRequest http, ContainerRequestContext request) {
        if (http.uri().length() > MAX_URI) {
            throw new ProblemException(ProblemType.URI_TOO_LONG, "http.uri-too-long", null, MAX_URI);
        }
        int headers = 0;
        for (Map.Entry<String, String> header : http.headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > MAX_HEADERS) {
            throw new ProblemException(ProblemType.HEADERS_TOO_LARGE, "http.headers-too-large", null,
                    MAX_HEADERS / 1024);
        }
        MediaType type = request.getMediaType();
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
                && (type.getParameters().get("boundary") == null || type.getParameters().get("boundary").isBlank())) {
            throw new ProblemException(ProblemType.MALFORMED, "malformed.form", null); // the form parser fails on it
        }
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void parameters(ResteasyReactiveContainerRequestContext request) {
        List<Violation> violations = new ArrayList<>();
        refuseNul(request.getUriInfo().getPathParameters(), violations);
        refuseNul(request.getUriInfo().getQueryParameters(), violations);
        refuse(violations);
    }

    // a multipart form is read only after the filters that do not ask for the body
    @ServerRequestFilter(readBody = true)
    public void form(ResteasyReactiveContainerRequestContext request) {
        List<Violation> violations = new ArrayList<>();
        FormData form = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormData();
        if (form != null) {
            for (String name : form) {
                for (FormValue value : form.get(name)) {
                    if (!value.isFileItem() && Text.hasNul(value.getValue())) {
                        violations.add(new Violation(name, Text.NUL));
                    }
                }
            }
        }
        refuse(violations);
    }

    private static void refuse(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private static void refuseNul(MultivaluedMap<String, String> parameters, List<Violation> violations) {
        parameters.forEach((name, values) -> {
            if (values.stream().anyMatch(Text::hasNul)) {
                violations.add(new Violation(name, Text.NUL));
            }
        });
    }
}
