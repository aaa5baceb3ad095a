package jipan.resources;

import com.codahale.metrics.Timer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jipan.admin.ServiceMetrics;
import jipan.api.ReportDescription;
import jipan.auth.Roles;
import jipan.reports.ReportColumns;
import jipan.reports.ReportDefinition;
import jipan.reports.ReportParameter;
import jipan.reports.ReportParameterException;
import jipan.reports.ReportRegistry;
import jipan.reports.Reports;
import jakarta.ws.rs.container.ContainerRequestContext;
import jipan.auth.StoreScoped;
import jipan.stores.StoreScope;
import jipan.stores.Stores;
import jipan.reports.XlsxTable;

/**
 * KPI reports, every one served from its definition in {@link ReportRegistry}: JSON, or a download with a file
 * name — CSV (UTF-8 with BOM) with {@code ?format=csv} or {@code Accept: text/csv}, an Excel workbook with
 * {@code ?format=xlsx} — headers in Chinese with {@code ?lang=zh}. A bad or unknown parameter is 400 naming it; an unknown report or run 404.
 */
@Path("/api/v1/reports")
@Produces({MediaType.APPLICATION_JSON, "text/csv", XlsxTable.MEDIA_TYPE})
public class ReportResource {
    /** What every report takes: {@code store} limits it to one store's customers (and runs). */
    private static final Set<String> COMMON = Set.of("format", "lang", "store");

    private final Reports reports;
    private final ServiceMetrics metrics;
    private final Stores stores;

    public ReportResource(Reports reports, ServiceMetrics metrics, Stores stores) {
        this.reports = reports;
        this.metrics = metrics;
        this.stores = stores;
    }

    /** Every report: name, URL, parameters and columns. */
    @RolesAllowed({Roles.ANALYST, Roles.SERVICE, Roles.VIEWER})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @StoreScoped
    public List<ReportDescription> list() {
        return ReportRegistry.ALL.stream().map(ReportResource::describe).toList();
    }

    /** One report; the OpenAPI document lists each report under its own path, from the same definitions. */
    @RolesAllowed({Roles.ANALYST, Roles.SERVICE, Roles.VIEWER})
    @GET
    @Path("/{report: .+}")
    @Operation(hidden = true)
    @StoreScoped
    public Response report(@PathParam("report") String path, @QueryParam("format") String format,
                           @QueryParam("lang") String lang, @QueryParam("store") String store, @Context UriInfo uri,
                           @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        StoreScope scope = StoreParameters.scope(request, stores, "store", store);
        ReportDefinition report = ReportRegistry.byPath(path).orElseThrow(() -> new NotFoundException(
                "no report '" + (path.length() > 40 ? path.substring(0, 40) + "…" : path) + "'; the reports are "
                        + ReportRegistry.ALL.stream().map(ReportDefinition::path).collect(Collectors.joining(", "))));

        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (String name : query.keySet()) {
            if (!COMMON.contains(name) && report.parameters().stream().noneMatch(p -> p.name().equals(name))) {
                throw new ReportParameterException((name.length() > 40 ? name.substring(0, 40) + "…" : name)
                        + ": is not a parameter of this report (it takes " + report.parameters().stream()
                        .map(ReportParameter::name).collect(Collectors.joining(", ")) + ", format, lang, store)");
            }
        }
        String download = download(format, headers);
        boolean chinese = Downloads.chinese(lang);
        ReportParameter.Arguments arguments = report.arguments(query::getFirst, ReportParameter::name);
        List<? extends Record> rows;
        try (Timer.Context timing = metrics.report(report.name()).time()) {
            rows = report.run(reports.in(scope), arguments);
        }
        if (download != null) {
            String name = report.fileName(arguments, download);
            // a store's download says so in its name
            return Downloads.rows(download, report.table(rows, chinese), scope.isAll() ? name
                    : String.join("-", scope.codes()) + "_" + name);
        }
        return Response.ok(report.single() ? rows.get(0) : rows, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** csv, xlsx or null (JSON): {@code ?format=}, case-insensitive, else an Accept of text/csv. */
    private static String download(String format, HttpHeaders headers) {
        if (format != null) {
            return Downloads.format(format.toLowerCase(Locale.ROOT));
        }
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(media -> media.isCompatible(MediaType.valueOf("text/csv")) && !media.isWildcardType())
                ? "csv" : null;
    }

    static ReportDescription describe(ReportDefinition report) {
        return new ReportDescription(report.name(), "/api/v1/reports/" + report.path(), report.title(),
                report.titleZh(), report.description(), report.descriptionZh(), report.single(),
                report.parameters().stream().map(p -> new ReportDescription.Parameter(p.name(), p.flag(),
                        ReportDescription.Kind.valueOf(p.kind().name()), p.required(), p.help(), p.helpZh(),
                        p.choices(),
                        p.defaultValue())).toList(),
                report.columns().stream().map(c -> new ReportDescription.Column(c,
                        ReportColumns.chinese(c), ReportColumns.isPercent(c),
                        report.totalColumns().contains(c))).toList());
    }
}
