package jipan.resources;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Arrays;
import java.util.stream.Stream;
import jipan.reports.Table;
import jipan.api.CallList;
import jipan.api.MovedCustomers;
import jipan.api.OutcomeRequest;
import jipan.api.TaskOutcome;
import jipan.auth.ApiKeyFilter;
import jipan.auth.Roles;
import jipan.core.Lang;
import jipan.core.facts.Assignee;
import jipan.core.facts.FollowUpKind;
import jipan.core.facts.Tier;
import jipan.reports.ReportParameterException;
import jipan.reports.XlsxTable;
import jipan.runs.CallLists;
import jipan.auth.StoreScoped;
import jipan.stores.StoreScope;
import jipan.stores.Stores;

/**
 * {@code GET /api/v1/call-lists}: who to call, about what, by when and why — the follow-ups a classification
 * run stored (default: the latest finished), with names and phones; JSON by pages, or the whole list (up to
 * 100,000 lines) as CSV or an Excel workbook with English or Chinese headers; open tasks by default, and the outcomes people record.
 */
@Path("/api/v1/call-lists")
@Produces({MediaType.APPLICATION_JSON, "text/csv", XlsxTable.MEDIA_TYPE})
public class CallListResource {
    private final CallLists lists;

    private final Stores stores;

    public CallListResource(CallLists lists, Stores stores) {
        this.stores = stores;
        this.lists = lists;
    }

    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST, Roles.SERVICE})
    @GET
    @StoreScoped
    @ApiResponse(responseCode = "200", description = "a page of the call list (or all of it as CSV)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CallList.class)))
    public Response list(@QueryParam("run") @Min(1) Long run, @QueryParam("kind") String kind,
                         @QueryParam("assignee") String assignee,
                         @QueryParam("person") @Size(max = 200) String person,
                         @QueryParam("dueBy") LocalDate dueBy,
                         @QueryParam("state") String state, @QueryParam("order") String order,
                         @QueryParam("page") @Min(1) @Max(100_000) Integer page,
                         @QueryParam("size") @Min(1) @Max(1_000) Integer size,
                         @QueryParam("format") String format, @QueryParam("lang") String lang,
                         @QueryParam("store") String store,
                         @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        CallLists lists = this.lists.in(StoreParameters.scope(request, stores, "store", store));
        check("kind", kind, Stream.of(FollowUpKind.values()).map(Enum::name).toArray(String[]::new));
        check("assignee", assignee, Stream.of(Assignee.values()).map(Enum::name).toArray(String[]::new));
        String download = Downloads.format(format);
        check("state", state, CallLists.STATES.toArray(String[]::new));
        check("order", order, CallLists.ORDERS.toArray(String[]::new));
        Lang language = Downloads.lang(lang, headers);
        boolean chinese = language == Lang.ZH;
        if (download != null) {
            CallList all = lists.page(run, kind, assignee, person, dueBy, state, order, 1, CallLists.MAX_LINES,
                    language);
            String name = "call-list_" + all.runId() + (kind == null ? "" : "_" + kind)
                    + (assignee == null ? "" : "_" + assignee) + "." + download;
            // a Chinese download shows the labels of values (挽留回访, 服务顾问 …); an English one the values
            List<CallList.Item> items = chinese ? all.items().stream().map(item -> item.labelled(language)).toList()
                    : all.items();
            return Downloads.rows(download, Table.of(chinese ? "跟进任务" : "Call list", CallList.Item.class, items,
                    chinese), name);
        }
        return Response.ok(lists.page(run, kind, assignee, person, dueBy, state, order, page == null ? 1 : page,
                size == null ? 100 : size, language),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * The customers of one cell of a tier migration (the {@code tier-migration} report), e.g. {@code …/1/2/A/B}: in
     * tier A in run 1 and B in run 2, with the call list's columns and the later tier's reason; JSON by pages or
     * all of them (up to 100,000) as CSV.
     */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST, Roles.SERVICE})
    @GET
    @Path("/tier-migration/{fromRun}/{toRun}/{fromTier}/{toTier}")
    @StoreScoped
    @ApiResponse(responseCode = "200", description = "a page of the cell's customers (or all of them as CSV)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MovedCustomers.class)))
    public Response moved(@PathParam("fromRun") long fromRun, @PathParam("toRun") long toRun,
                          @PathParam("fromTier") String fromTier, @PathParam("toTier") String toTier,
                          @QueryParam("page") @Min(1) @Max(100_000) Integer page,
                          @QueryParam("size") @Min(1) @Max(1_000) Integer size,
                          @QueryParam("format") String format, @QueryParam("lang") String lang,
                          @QueryParam("store") String store,
                          @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        CallLists lists = this.lists.in(StoreParameters.scope(request, stores, "store", store));
        String[] tiers = Stream.concat(Stream.of(Tier.values()).map(Enum::name), Stream.of("NONE"))
                .toArray(String[]::new);
        check("fromTier", fromTier, tiers);
        check("toTier", toTier, tiers);
        String download = Downloads.format(format);
        Lang language = Downloads.lang(lang, headers);
        boolean chinese = language == Lang.ZH;
        if (download != null) {
            MovedCustomers all = lists.moved(fromRun, toRun, fromTier, toTier, 1, CallLists.MAX_LINES, language);
            String name = "tier-migration_" + fromRun + "_" + toRun + "_" + fromTier + "_" + toTier + "." + download;
            List<MovedCustomers.Line> lines = chinese ? all.items().stream().map(line -> line.labelled(language)).toList()
                    : all.items();
            return Downloads.rows(download, Table.of(fromTier + " → " + toTier, MovedCustomers.Line.class, lines,
                    chinese), name);
        }
        return Response.ok(lists.moved(fromRun, toRun, fromTier, toTier, page == null ? 1 : page,
                size == null ? 100 : size, language), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * Records what became of a task on a run's list — done, unreachable or declined, with a note — as the caller's
     * key name and now. The task then leaves the open list of this run and of every later run that raises it on
     * the same basis.
     */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST, Roles.SERVICE})
    @POST
    @Path("/outcomes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @StoreScoped
    public TaskOutcome record(@NotNull @Valid OutcomeRequest body, @Context ContainerRequestContext request) {
        return lists.in(StoreScope.of(request)).record(body, ApiKeyFilter.callerOf(request)).orElseThrow(() ->
                new NotFoundException("run " + body.run() + " has no " + body.kind() + " task about '"
                        + body.subject() + "' for customer '" + body.customerId() + "'"));
    }

    private static void check(String name, String value, String... allowed) {
        if (value != null && Arrays.stream(allowed).noneMatch(value::equals)) {
            throw new ReportParameterException(name + ": must be one of " + String.join(", ", allowed) + " (got '"
                    + (value.length() > 30 ? value.substring(0, 30) + "…" : value) + "')");
        }
    }
}
