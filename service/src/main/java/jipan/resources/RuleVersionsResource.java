package jipan.resources;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jipan.api.RuleFileDiff;
import jipan.api.RuleOutcome;
import jipan.api.RuleVersion;
import jipan.api.RuleVersionFiles;
import jipan.auth.ApiKeyFilter;
import jipan.auth.Roles;
import jipan.core.DecisionTables;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.lifecycle.RulePublisher;
import jipan.lifecycle.RuleVersions;
import jipan.reports.XlsxTable;

/**
 * The rule versions: every rule set that went live, each with its files (a decision table as its workbook, and the
 * DRL it generates), two versions side by side, and rollback to one of them through the gate.
 */
@Path("/api/v1/rules/versions")
@Produces(MediaType.APPLICATION_JSON)
public class RuleVersionsResource {
    private final RulePublisher publisher;
    private final RuleVersions versions;

    public RuleVersionsResource(RulePublisher publisher, RuleVersions versions) {
        this.publisher = publisher;
        this.versions = versions;
    }

    /** Every rule set that went live, latest first. */
    @RolesAllowed(Roles.ANALYST)
    @GET
        public List<RuleVersion> versions() {
        return versions.list();
    }

    /** One version with its files. */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/{seq}")
    public RuleVersionFiles version(@PathParam("seq") long seq) {
        RuleVersion version = versions.find(seq).orElseThrow(() -> new NotFoundException("no rule version " + seq));
        return new RuleVersionFiles(version, files(seq).files());
    }

    /**
     * One file of a version as a file: a decision table as its .xlsx workbook (to open in Excel, edit and send
     * back), a DRL file as UTF-8 text.
     */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/{seq}/files/{name}")
    @Produces({XlsxTable.MEDIA_TYPE, MediaType.TEXT_PLAIN})
    @ApiResponse(responseCode = "200", description = "the file: a decision table as an .xlsx workbook, a DRL file as text",
            content = {@Content(mediaType = XlsxTable.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = "string"))})
    public Response file(@PathParam("seq") long seq, @PathParam("name") String name) {
        RuleFiles files = files(seq);
        if (!files.files().containsKey(name)) {
            throw new NotFoundException("rule version " + seq + " has no file " + name + " (it has " + files.files().keySet() + ")");
        }
        boolean table = DecisionTables.isTable(name);
        return Response.ok(files.bytesOf(name), table ? XlsxTable.MEDIA_TYPE : MediaType.TEXT_PLAIN + ";charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** The DRL a file of a version compiles as: what a decision table generates, a DRL file's own text. */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/{seq}/files/{name}/drl")
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    public String drl(@PathParam("seq") long seq, @PathParam("name") String name) {
        String text = files(seq).files().get(name);
        if (text == null) {
            throw new NotFoundException("rule version " + seq + " has no file " + name);
        }
        return DecisionTables.isTable(name) ? RuleCompiler.drlOf(name, text) : text;
    }

    /** What changed from version {@code seq} to version {@code other}, file by file. */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/{seq}/diff/{other}")
    public List<RuleFileDiff> diff(@PathParam("seq") long seq, @PathParam("other") long other) {
        return versions.diff(files(seq), files(other));
    }

    /** Makes an earlier version live again (rollback), through the same compile and fixture gate; 409 if refused. */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/{seq}/activate")
    @ApiResponse(responseCode = "200", description = "the version is live again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleOutcome.class)))
    public Response activate(@PathParam("seq") long seq, @Context ContainerRequestContext request) {
        files(seq);
        RuleOutcome outcome = publisher.rollback(seq, ApiKeyFilter.callerOf(request), null, false);
        return Candidates.answer(outcome);
    }

    private RuleFiles files(long seq) {
        return versions.files(seq).orElseThrow(() -> new NotFoundException("no rule version " + seq));
    }
}
