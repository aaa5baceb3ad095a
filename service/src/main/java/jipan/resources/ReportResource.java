package jipan.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jipan.auth.Roles;
import jipan.db.ReportDao;
import jipan.reports.CsvTable;
import jipan.reports.Reports;

/**
 * KPI reports as JSON, or as CSV (UTF-8 with BOM) with {@code ?format=csv} or {@code Accept: text/csv}.
 * Bad parameters are 400 naming the parameter.
 */
@Path("/api/v1/reports")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
public class ReportResource {
    private static final String CSV = "text/csv; charset=UTF-8";

    private final Reports reports;

    public ReportResource(Reports reports) {
        this.reports = reports;
    }

    @RolesAllowed({Roles.ANALYST, Roles.VIEWER})
    @GET
    @Path("/churn/monthly")
    public Response monthlyChurn(@QueryParam("month") String month, @QueryParam("format") String format,
                                 @Context HttpHeaders headers) {
        Reports.MonthlyChurn churn = reports.monthlyChurn(Reports.month("month", month));
        return answer(churn, Reports.MonthlyChurn.class, List.of(churn), format, headers);
    }

    /** The twelve months of monthly churn up to {@code to}. */
    @RolesAllowed({Roles.ANALYST, Roles.VIEWER})
    @GET
    @Path("/churn/monthly-series")
    public Response monthlyChurnSeries(@QueryParam("to") String to, @QueryParam("format") String format,
                                       @Context HttpHeaders headers) {
        List<Reports.MonthlyChurn> series = reports.monthlyChurnSeries(Reports.month("to", to));
        return answer(series, Reports.MonthlyChurn.class, series, format, headers);
    }

    @RolesAllowed({Roles.ANALYST, Roles.VIEWER})
    @GET
    @Path("/churn/annual")
    public Response annualChurn(@QueryParam("asOf") String asOf, @QueryParam("format") String format,
                                @Context HttpHeaders headers) {
        Reports.AnnualChurn churn = reports.annualChurn(Reports.date("asOf", asOf));
        return answer(churn, Reports.AnnualChurn.class, List.of(churn), format, headers);
    }

    @RolesAllowed({Roles.ANALYST, Roles.VIEWER})
    @GET
    @Path("/churn/spend")
    public Response spendChurn(@QueryParam("asOf") String asOf, @QueryParam("format") String format,
                               @Context HttpHeaders headers) {
        Reports.SpendChurn churn = reports.spendChurn(Reports.date("asOf", asOf));
        return answer(churn, Reports.SpendChurn.class, List.of(churn), format, headers);
    }

    @RolesAllowed({Roles.ANALYST, Roles.VIEWER})
    @GET
    @Path("/growth")
    public Response growth(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("format") String format, @Context HttpHeaders headers) {
        Reports.Growth growth = reports.growth(Reports.date("from", from), Reports.date("to", to));
        return answer(growth, Reports.Growth.class, List.of(growth), format, headers);
    }

    /** Customer structure for [from, to] by visit-count bucket, optionally per region, industry, kind, model or lifecycle. */
    @RolesAllowed({Roles.ANALYST, Roles.VIEWER})
    @GET
    @Path("/structure")
    public Response structure(@QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("by") String by, @QueryParam("format") String format,
                              @Context HttpHeaders headers) {
        List<Reports.StructureLine> rows = reports.structure(Reports.date("from", from), Reports.date("to", to),
                by == null ? "none" : by);
        return answer(rows, Reports.StructureLine.class, rows, format, headers);
    }

    /** The structure table of [from, to] beside that of the same dates a year earlier. */
    @RolesAllowed({Roles.ANALYST, Roles.VIEWER})
    @GET
    @Path("/structure/year-over-year")
    public Response structureYearOverYear(@QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("by") String by, @QueryParam("format") String format,
                                          @Context HttpHeaders headers) {
        List<Reports.YearOverYearLine> rows = reports.structureYearOverYear(Reports.date("from", from),
                Reports.date("to", to), by == null ? "none" : by);
        return answer(rows, Reports.YearOverYearLine.class, rows, format, headers);
    }

    /** The tier migration matrix between two classification runs ({@code from} and {@code to} are run ids). */
    @RolesAllowed({Roles.ANALYST, Roles.VIEWER})
    @GET
    @Path("/tier-migration")
    public Response tierMigration(@QueryParam("from") Long from, @QueryParam("to") Long to,
                                  @QueryParam("format") String format, @Context HttpHeaders headers) {
        if (from == null || to == null) {
            throw new jipan.reports.ReportParameterException("from, to: the ids of two classification runs are required");
        }
        List<jipan.db.ClassificationRunDao.TierMove> rows = reports.tierMigration(from, to);
        return answer(rows, jipan.db.ClassificationRunDao.TierMove.class, rows, format, headers);
    }

    /** Leads of a classification run (default: the latest finished) by the category the rules gave them. */
    @RolesAllowed({Roles.ANALYST, Roles.VIEWER})
    @GET
    @Path("/defeats/categories")
    public Response defeatCategories(@QueryParam("run") Long run, @QueryParam("format") String format,
                                     @Context HttpHeaders headers) {
        List<Reports.CategoryLine> rows = reports.leadsByCategory(run);
        return answer(rows, Reports.CategoryLine.class, rows, format, headers);
    }

    @RolesAllowed({Roles.ANALYST, Roles.VIEWER})
    @GET
    @Path("/defeats/competitors")
    public Response defeatCompetitors(@QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("format") String format, @Context HttpHeaders headers) {
        List<ReportDao.CompetitorCount> rows = reports.defeatsByCompetitor(Reports.date("from", from),
                Reports.date("to", to));
        return answer(rows, ReportDao.CompetitorCount.class, rows, format, headers);
    }

    @RolesAllowed({Roles.ANALYST, Roles.VIEWER})
    @GET
    @Path("/defeats/monthly")
    public Response defeatRate(@QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("format") String format, @Context HttpHeaders headers) {
        List<Reports.MonthDefeatRate> rows = reports.defeatRateByMonth(Reports.date("from", from), Reports.date("to", to));
        return answer(rows, Reports.MonthDefeatRate.class, rows, format, headers);
    }

    @RolesAllowed({Roles.ANALYST, Roles.VIEWER})
    @GET
    @Path("/defeats/conquest")
    public Response conquest(@QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("format") String format, @Context HttpHeaders headers) {
        Reports.Conquest conquest = reports.conquest(Reports.date("from", from), Reports.date("to", to));
        return answer(conquest, Reports.Conquest.class, List.of(conquest), format, headers);
    }

    private static Response answer(Object json, Class<? extends Record> type, List<? extends Record> rows,
                                   String format, HttpHeaders headers) {
        if (format != null && !format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("json")) {
            throw new jipan.reports.ReportParameterException("format: must be json or csv (got '"
                    + (format.length() > 20 ? format.substring(0, 20) + "…" : format) + "')");
        }
        boolean csv = "csv".equalsIgnoreCase(format)
                || (format == null && headers.getAcceptableMediaTypes().stream()
                .anyMatch(media -> media.isCompatible(MediaType.valueOf("text/csv")) && !media.isWildcardType()));
        return csv ? Response.ok(CsvTable.of(type, rows), CSV).build()
                : Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
