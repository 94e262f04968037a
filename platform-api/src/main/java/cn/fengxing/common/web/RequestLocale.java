package cn.fengxing.common.web;

import cn.fengxing.common.problem.Messages;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/** The language the caller reads (Accept-Language: English if asked first, else zh-CN), as problems use it. */
@RequestScoped
public class RequestLocale {

    @Inject
    HttpServerRequest request;

    public Locale get() {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Messages.pick(List.of());
        }
        try {
            return Messages.pick(Locale.LanguageRange.parse(header).stream()
                    .map(r -> Locale.forLanguageTag(r.getRange())).toList());
        } catch (IllegalArgumentException e) {
            return Messages.pick(List.of());
        }
    }
}
