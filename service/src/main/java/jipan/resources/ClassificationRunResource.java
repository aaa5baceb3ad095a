package jipan.resources;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import jipan.api.ClassificationRun;
import jipan.api.Problem;
import jipan.api.RunRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jipan.auth.Roles;
import jipan.auth.StoreScoped;
import jipan.stores.StoreScope;
import jipan.stores.Stores;
import jipan.db.ClassificationRunRow;
import jipan.runs.ClassificationRuns;

/** Batch classification of the whole stored base: start a run, watch its progress, resume it. */
@Path("/api/v1/classification-runs")
@Produces(MediaType.APPLICATION_JSON)
public class ClassificationRunResource {
    private final ClassificationRuns runs;
    private final ExecutorService executor;
    private final Stores stores;

    public ClassificationRunResource(ClassificationRuns runs, ExecutorService executor, Stores stores) {
        this.runs = runs;
        this.executor = executor;
        this.stores = stores;
    }

    /** Starts a run as of {@code asOf}: answers 202 with the run; poll its URL for progress. */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "202", description = "the run, started; poll its URL (Location) for progress",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClassificationRun.class)))
    @StoreScoped
    public Response start(@NotNull @Valid RunRequest body, @Context ContainerRequestContext request) {
        // a store key runs its stores only; a group key runs the group unless it names a store
        String store = body.store() != null || !StoreScope.of(request).isAll()
                ? StoreParameters.storeOfChange(request, stores, "store", body.store()) : null;
        ClassificationRunRow run;
        try {
            run = runs.create(body.asOf(), store);
        } catch (ClassificationRuns.AlreadyRunning e) {
            return Problem.of(409, "run-in-progress", e.getMessage()).response();
        }
        runs.submit(run.id(), executor);
        return Response.accepted(of(run)).location(URI.create("/api/v1/classification-runs/" + run.id())).build();
    }

    /** The latest 50 runs (of the caller's stores; {@code store}: of one store). */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST})
    @GET
    @StoreScoped
    public List<ClassificationRun> latest(@QueryParam("store") String store, @Context ContainerRequestContext request) {
        return runs.latest(50, StoreParameters.scope(request, stores, "store", store)).stream()
                .map(ClassificationRunResource::of).toList();
    }

    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST})
    @GET
    @Path("/{id}")
    @StoreScoped
    public ClassificationRun get(@PathParam("id") long id, @Context ContainerRequestContext request) {
        return of(row(id, request));
    }

    /** The run, or 404 when there is none or it is not of the caller's stores. */
    private ClassificationRunRow row(long id, ContainerRequestContext request) {
        ClassificationRunRow run = runs.find(id);
        if (run == null || StoreParameters.hidden(request, run.store())) {
            throw new NotFoundException("no classification run " + id);
        }
        return run;
    }

    /** A run as the API shows it (the store's row stays in the store). */
    static ClassificationRun of(ClassificationRunRow row) {
        return new ClassificationRun(row.id(), row.asOf(), row.rulesetVersion(),
                ClassificationRun.Status.valueOf(row.status()), row.customersTotal(), row.customersDone(),
                row.startedAt(), row.finishedAt(), row.error(), row.owner(), row.heartbeatAt(), row.store());
    }

    /** Continues a FAILED or INTERRUPTED run after the last customer it stored. */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST})
    @POST
    @Path("/{id}/resume")
    @ApiResponse(responseCode = "202", description = "the run, resumed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClassificationRun.class)))
    @StoreScoped
    public Response resume(@PathParam("id") long id, @Context ContainerRequestContext request) {
        row(id, request); // 404 for an unknown run
        try {
            runs.claim(id);
        } catch (ClassificationRuns.NothingToResume e) {
            throw new BadRequestException(e.getMessage());
        } catch (ClassificationRuns.OwnedElsewhere e) {
            return Problem.of(409, "run-owned-elsewhere", e.getMessage()).response();
        }
        runs.submit(id, executor);
        return Response.accepted(of(runs.find(id))).build();
    }
}
