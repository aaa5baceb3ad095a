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
import jipan.api.PublishRequest;
import jipan.api.RollbackRequest;
import jakarta.validation.Valid;
import jipan.api.RuleFileDiff;
import jipan.approval.PublishRequests;
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
    private final PublishRequests requests;

    public RuleVersionsResource(RulePublisher publisher, RuleVersions versions, PublishRequests requests) {
        this.publisher = publisher;
        this.versions = versions;
        this.requests = requests;
    }

    /** Every rule set that went live, latest first. */
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
    @GET
        public List<RuleVersion> versions() {
        return versions.list();
    }

    /** One version with its files. */
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
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
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
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
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
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
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
    @GET
    @Path("/{seq}/diff/{other}")
    public List<RuleFileDiff> diff(@PathParam("seq") long seq, @PathParam("other") long other) {
        return versions.diff(files(seq), files(other));
    }

    /**
     * Makes an earlier version live again (rollback), through the same compile and fixture gate, gated with the fixtures
     * it passed; 409 if refused. With {@code rules.approval: required} it becomes a publish request (202), unless
     * {@code {"emergency": true, "reason": "…"}}: then it goes live at once and the log marks it an emergency rollback
     * with its reason.
     */
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
    @POST
    @Path("/{seq}/activate")
    @ApiResponse(responseCode = "200", description = "the version is live again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleOutcome.class)))
    @ApiResponse(responseCode = "202", description = "approval is required: a publish request waits for another person",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublishRequest.class)))
    public Response activate(@PathParam("seq") long seq, @Valid RollbackRequest body,
                             @Context ContainerRequestContext request) {
        RuleFiles target = files(seq);
        boolean emergency = body != null && body.isEmergency();
        String reason = body == null ? null : body.reason();
        if (publisher.approvalRequired() && !emergency) {
            RulePublisher.Change back = RulePublisher.Change.between(publisher.live().current().rules().files(), target,
                    versions.fixtures(seq).orElse(null));
            return PublishRequestResource.waiting(requests.make(back, "roll back to version " + seq
                    + (reason == null || reason.isBlank() ? "" : ": " + reason), PublishRequestResource.actor(request)));
        }
        RuleOutcome outcome = publisher.rollback(seq, ApiKeyFilter.callerOf(request), reason, emergency);
        return Candidates.answer(outcome);
    }

    private RuleFiles files(long seq) {
        return versions.files(seq).orElseThrow(() -> new NotFoundException("no rule version " + seq));
    }
}
