package jipan.resources;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import jipan.api.ImportJob;
import jipan.api.ImportReport;
import jipan.api.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jipan.auth.Roles;
import jipan.auth.StoreScoped;
import jipan.stores.Stores;
import jipan.imports.ImportJobs;
import jipan.imports.ImportKind;
import jipan.imports.RejectedRows;
import jipan.reports.XlsxTable;

/**
 * {@code POST /api/v1/imports?kind=repair-orders[&encoding=GBK]} with the CSV or xlsx as the body: answers 202
 * with a job; {@code GET /api/v1/imports/{id}} shows its progress and, at the end, every rejected row, and
 * {@code GET /api/v1/imports/{id}/rejected} gives those rows as a file to fix and import again; {@code POST
 * /api/v1/imports/{id}/resume} finishes, on this instance, an import whose instance stopped.
 */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
    private final ImportJobs jobs;
    private final Stores stores;

    public ImportResource(ImportJobs jobs, Stores stores) {
        this.jobs = jobs;
        this.stores = stores;
    }

    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST})
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, XlsxTable.MEDIA_TYPE})
    @ApiResponse(responseCode = "202", description = "the import job, started; poll its URL (Location) for progress",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportJob.class)))
    @StoreScoped
    public Response start(@QueryParam("kind") String kind, @QueryParam("encoding") String encoding,
                          @QueryParam("name") String name, @QueryParam("store") String store, InputStream body,
                          @Context ContainerRequestContext request) throws IOException {
        // the file is one store's export: the named one, else the key's (first) store, else the group's first
        String forStore = StoreParameters.storeOfChange(request, stores, "store", store);
        if (kind == null) {
            throw new BadRequestException("kind: is required (customers, vehicles, repair-orders or leads)");
        }
        ImportKind importKind;
        Charset charset;
        try {
            importKind = ImportKind.fromCliName(kind);
            charset = encoding == null ? null : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            String message = e instanceof IllegalCharsetNameException || e instanceof UnsupportedCharsetException
                    ? "encoding: unknown charset '" + encoding + "'" : "kind: " + e.getMessage();
            throw new BadRequestException(message);
        }
        ImportJob job;
        try {
            job = jobs.start(importKind, name == null ? "upload" : name, body, charset, forStore);
        } catch (ImportJobs.UploadTooLarge e) {
            return Problem.of(413, "upload-too-large", e.getMessage()).response();
        }
        return Response.accepted(job).location(URI.create("/api/v1/imports/" + job.id())).build();
    }

    /**
     * Imports again, on this instance, an import whose instance stopped (INTERRUPTED, or no heartbeat for {@code
     * work.staleAfterSeconds}): its upload is kept in the store; rows already stored are found unchanged.
     */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST})
    @POST
    @Path("/{id}/resume")
    @ApiResponse(responseCode = "202", description = "the import, resumed; poll its URL (Location) for progress",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportJob.class)))
    @StoreScoped
    public Response resume(@PathParam("id") long id, @Context ContainerRequestContext request) {
        get(id, request); // 404 for an unknown import
        ImportJob job;
        try {
            job = jobs.resume(id);
        } catch (ImportJobs.NothingToResume e) {
            throw new BadRequestException(e.getMessage());
        } catch (ImportJobs.OwnedElsewhere e) {
            return Problem.of(409, "import-owned-elsewhere", e.getMessage()).response();
        }
        return Response.accepted(job).location(URI.create("/api/v1/imports/" + job.id())).build();
    }

    /** The latest imports (100), newest first, with their counts and rejected rows. */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST})
    @GET
    @StoreScoped
    public List<ImportJob> list(@QueryParam("store") String store, @Context ContainerRequestContext request) {
        return jobs.latest(100, StoreParameters.scope(request, stores, "store", store));
    }

    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST})
    @GET
    @Path("/{id}")
    @StoreScoped
    public ImportJob get(@PathParam("id") long id, @Context ContainerRequestContext request) {
        return jobs.find(id).filter(job -> !StoreParameters.hidden(request, job.store()))
                .orElseThrow(() -> new NotFoundException("no import " + id));
    }

    /**
     * The rows import {@code id} left out, as a file in the upload's own format (CSV or xlsx) with a reason
     * column: fix, import again. 404 until the import has ended, or when it left nothing out.
     */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST})
    @GET
    @Path("/{id}/rejected")
    @Produces({"text/csv", XlsxTable.MEDIA_TYPE})
    @ApiResponse(responseCode = "200", description = "the rejected rows in the upload's format, with a reason column",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = XlsxTable.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    @StoreScoped
    public Response rejected(@PathParam("id") long id, @Context ContainerRequestContext request) {
        ImportJob job = get(id, request);
        ImportJobs.RejectedFile file = jobs.rejected(id).orElseThrow(() -> new NotFoundException(
                "import " + id + " has no rejected rows" + (job.report().status() == ImportReport.Status.RUNNING
                        || job.report().status() == ImportReport.Status.QUEUED ? " yet (it is still running)" : "")));
        String name = RejectedRows.fileName(job.file(), file.format())
                .replaceAll("[^\\w.\\-\\u4e00-\\u9fa5]", "_");
        StreamingOutput body = out -> RejectedRows.write(file.format(), file.header(), file.rows(), out);
        return Response.ok(body, RejectedRows.mediaType(file.format()))
                .header("Content-Disposition", "attachment; filename=\"rejected." + file.format()
                        + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .build();
    }
}
