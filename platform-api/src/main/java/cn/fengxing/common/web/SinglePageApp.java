package cn.fengxing.common.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

import java.util.regex.Pattern;

/** Deep links into the web UI (/t/ningxiang/console, /region …) load its index.html. */
public class SinglePageApp {

    /** UI routes: anything but the API, Quarkus endpoints and files with an extension. */
    private static final Pattern UI_ROUTE = Pattern.compile("^/(?!api/|api$|q/|q$)[^.]*$");

    void route(@Observes Router router) {
        router.get().pathRegex(UI_ROUTE.pattern()).handler(rc -> {
            if (rc.normalizedPath().equals("/")) {
                rc.next();
            } else {
                rc.reroute("/");
            }
        });
    }
}
