package cn.fengxing.region.resource;

import cn.fengxing.common.web.RequestLocale;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.access.PlatformAccess;
import cn.fengxing.region.api.Comparison;
import cn.fengxing.region.api.FigureView;
import cn.fengxing.region.api.RegionTree;
import cn.fengxing.region.api.Trend;
import cn.fengxing.region.service.ComparisonExport;
import cn.fengxing.region.service.RegionComparison;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

@Path("/api/regions")
@Tag(name = "Regional comparison", description = "区域对比: provincial, city and county staff compare their townships")
@SecurityRequirement(name = "oidc")
@PlatformAccess({Role.REGION_VIEWER, Role.PLATFORM_OPERATOR})
public class RegionResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    RegionComparison comparison;

    @Inject
    ComparisonExport export;

    @Inject
    RequestLocale locale;

    @GET
    @Operation(summary = "Regions to compare",
            description = "The regions granted to the caller (province, city, county) with every region and township "
                    + "under them; townships carry their map centre. Data as of: every change before it is counted.")
    public RegionTree tree() {
        return comparison.tree();
    }

    @GET
    @Path("/figures")
    @Operation(summary = "Figures", description = "Every registered figure in display order: unit, which way is "
            + "better, how the region row rolls it up, label and definition in the caller's language.")
    public List<FigureView> figures() {
        return comparison.figures(locale.get());
    }

    @GET
    @Path("/comparison")
    @Operation(summary = "Compare a region's townships",
            description = "Every township under the region side by side for a period (year 2026, quarter 2026-Q4 or "
                    + "month 2026-11; default this year), with the previous period (环比) and the same period a year "
                    + "earlier (同比), and the region row (total or median per figure). Aggregates only. 403 outside "
                    + "the caller's grants.")
    public Comparison compare(@QueryParam("region") @Parameter(description = "Region path, e.g. 山西省/吕梁市") String region,
                              @QueryParam("period") @Parameter(description = "2026, 2026-Q4 or 2026-11") String period) {
        return comparison.compare(region, period, locale.get());
    }

    @GET
    @Path("/trend")
    @Operation(summary = "A figure by month",
            description = "One figure for each township under the region, by month up to `to` (YYYY-MM, default this "
                    + "month), `months` months (1–60, default 12), and the region's total or median.")
    public Trend trend(@QueryParam("region") String region, @QueryParam("figure") String figure,
                       @QueryParam("to") @Parameter(description = "Last month, YYYY-MM") String to,
                       @QueryParam("months") @DefaultValue("12") int months) {
        return comparison.trend(region, figure, to, months, locale.get());
    }

    @GET
    @Path("/comparison.csv")
    @Produces("text/csv")
    @Operation(summary = "Export the comparison as CSV",
            description = "The comparison table as shown: `figures` (comma-separated keys, in order; default all), "
                    + "rows sorted by `sort` (a figure key) `order` (asc or desc), then the region row; the region, "
                    + "period and time of generation above it. UTF-8 with BOM.")
    public Response csv(@QueryParam("region") String region, @QueryParam("period") String period,
                        @QueryParam("figures") String figures, @QueryParam("sort") String sort,
                        @QueryParam("order") String order) {
        return download(export.csv(region, period, keys(figures), sort, order, locale.get()), "text/csv; charset=UTF-8",
                region, period, "csv");
    }

    @GET
    @Path("/comparison.xlsx")
    @Produces(XLSX)
    @Operation(summary = "Export the comparison as XLSX", description = "As the CSV export, as a workbook.")
    public Response xlsx(@QueryParam("region") String region, @QueryParam("period") String period,
                         @QueryParam("figures") String figures, @QueryParam("sort") String sort,
                         @QueryParam("order") String order) {
        return download(export.xlsx(region, period, keys(figures), sort, order, locale.get()), XLSX, region, period, "xlsx");
    }

    private static List<String> keys(String figures) {
        return figures == null || figures.isBlank() ? List.of()
                : Arrays.stream(figures.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Response download(byte[] body, String type, String region, String period, String extension) {
        String name = "区域对比-" + region.replace('/', '-') + (period == null || period.isBlank() ? "" : "-" + period)
                + "." + extension;
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"comparison." + extension + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }
}
