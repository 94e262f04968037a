package cn.fengxing.open311.service;

import cn.fengxing.common.problem.ErrorDialect;
import cn.fengxing.common.problem.Problem;
import cn.fengxing.open311.api.Open311Error;
import cn.fengxing.open311.api.Open311Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Errors on the GeoReport v2 paths in the spec's format (docs/adr/0004-open311.md): a list of {code, description},
 * XML {@code errors/error}, with the HTTP status as code; one entry per offending parameter.
 */
@ApplicationScoped
public class Open311Errors implements ErrorDialect {

    private static final Pattern PATHS = Pattern.compile("^/?api/t/[^/]+/open311/v2(/.*)?$");

    @Inject
    GeoReportWriter writer;

    @Override
    public boolean covers(String path) {
        return PATHS.matcher(path).matches();
    }

    @Override
    public Response render(String path, int status, String detail, List<Problem.FieldError> errors) {
        List<Open311Error> entries = errors == null || errors.isEmpty() ? List.of(new Open311Error(status, detail))
                : errors.stream().map(e -> new Open311Error(status, e.field() + ": " + e.message())).toList();
        return writer.list(Open311Format.ofPath(path), status, "errors", "error", entries);
    }
}
