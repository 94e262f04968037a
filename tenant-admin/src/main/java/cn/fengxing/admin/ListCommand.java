package cn.fengxing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code list}: all tenants, page by page, as a table. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List all tenants: code, name, region, status.")
final class ListCommand implements Callable<Integer> {

    static final int PAGE_SIZE = 100;
    /** Guards against an API whose paging never ends (10,000 pages of 100 tenants). */
    private static final int MAX_PAGES = 10_000;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("CODE", "NAME", "REGION", "STATUS"));
        long total = -1;
        int fetched = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("page", String.valueOf(page));
            query.put("size", String.valueOf(PAGE_SIZE));
            JsonNode body = main.client().call("GET", "/api/platform/tenants", query, null);
            JsonNode items = body == null ? null : body.path("items");
            if (items == null || !items.isArray() || items.isEmpty()) {
                break;
            }
            for (JsonNode item : items) {
                rows.add(List.of(item.path("code").asText(""), item.path("name").asText(""),
                        item.path("regionPath").asText(""), item.path("status").asText("")));
            }
            fetched += items.size();
            total = body.path("total").asLong(-1);
            if (total >= 0 ? fetched >= total : items.size() < PAGE_SIZE) {
                break;
            }
        }

        PrintWriter out = spec.commandLine().getOut();
        if (rows.size() == 1) {
            out.println("no tenants");
            return 0;
        }
        Table.print(out, rows);
        out.println();
        out.println(fetched + (fetched == 1 ? " tenant" : " tenants"));
        return 0;
    }
}
