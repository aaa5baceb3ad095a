package jipan.resources;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jipan.core.Chinese;
import jipan.core.Lang;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import jipan.api.ChangedFiles;
import jipan.api.FixtureSet;
import jipan.api.FixtureTestReport;
import jipan.api.ImpactReport;
import jipan.api.ImpactRequest;
import jipan.api.Problem;
import jipan.api.RuleActivation;
import jipan.api.RuleChange;
import jipan.api.RuleFileDiff;
import jipan.api.RuleOutcome;
import jipan.api.RuleRefusal;
import jipan.api.RuleSetting;
import jipan.api.RuleVersion;
import jipan.api.RuleVersionFiles;
import jipan.api.RulesStatus;
import jipan.api.SettingChanges;
import jipan.auth.ApiKeyFilter;
import jipan.auth.Roles;
import jipan.core.Classifier;
import jipan.core.DecisionTables;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.RuleSettings;
import jipan.core.documents.InvalidInputException;
import jipan.core.scenarios.FixtureFiles;
import jipan.core.scenarios.FixtureLoader;
import jipan.core.scenarios.FixtureReport;
import jipan.core.scenarios.FixtureRunner;
import jipan.lifecycle.LiveRules;
import jipan.lifecycle.RuleImpact;
import jipan.lifecycle.RuleVersions;
import jipan.reports.XlsxTable;

/**
 * The live rule set: which version is live, validating candidate files, and reloading from the rules
 * directory. A reloaded rule set goes live only if it compiles and passes the fixture gate.
 */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {
    private final LiveRules rules;
    private final RuleVersions versions;
    private final java.nio.file.Path directory;

    private final RuleImpact impact;
    private final java.nio.file.Path fixtures;

    public RulesResource(LiveRules rules, RuleVersions versions, java.nio.file.Path directory, RuleImpact impact,
                         java.nio.file.Path fixtures) {
        this.rules = rules;
        this.versions = versions;
        this.directory = directory;
        this.impact = impact;
        this.fixtures = fixtures;
    }

    /**
     * Runs the QA fixtures against candidate files ({@code {"files": {…}}}): the same pass/fail report as
     * {@code test-rules}, or the compile errors; the live rules are not touched.
     */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/test")
    @Consumes(MediaType.APPLICATION_JSON)
    public FixtureTestReport test(@NotNull @Valid RuleChange body, @QueryParam("lang") String lang,
                                  @Context HttpHeaders headers) {
        boolean chinese = Downloads.lang(lang, headers) == Lang.ZH;
        Classifier candidate = compiled(body);
        FixtureFiles changed = candidateFixtures(body);
        FixtureReport report = new FixtureRunner(candidate).runAll(changed == null
                ? new FixtureLoader().load(fixtures) : new FixtureLoader().load(changed));
        return new FixtureTestReport(candidate.rulesetVersion(), report.passed(), report.failed(),
                report.outcomes().stream()
                        .map(o -> new FixtureTestReport.Outcome(o.name(), o.passed(), chinese
                                ? o.differences().stream().map(Chinese::withOriginal).toList() : o.differences()))
                        .toList(),
                report.ruleCount(), report.neverFired(), report.neverFired().stream()
                        .map(rule -> candidate.rules().texts().name(rule, chinese ? Lang.ZH : Lang.EN)).toList());
    }

    /**
     * Classifies the stored customers with candidate files and with the live rules and answers the migration
     * matrix per output; {@code sample} defaults to 20,000 customers.
     */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/impact")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImpactReport impact(@NotNull @Valid ImpactRequest body) {
        Classifier candidate = compiled(body.change());
        return impact.compare(rules.current(), candidate, body.asOf(), body.sampleOrDefault());
    }

    private Classifier compiled(RuleChange body) {
        return Candidates.compiled(rules, body);
    }

    /** Every rule set that went live, latest first. */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/versions")
    public List<RuleVersion> versions() {
        return versions.list();
    }

    /** One version with its files. */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/versions/{seq}")
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
    @Path("/versions/{seq}/files/{name}")
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
    @Path("/versions/{seq}/files/{name}/drl")
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
    @Path("/versions/{seq}/diff/{other}")
    public List<RuleFileDiff> diff(@PathParam("seq") long seq, @PathParam("other") long other) {
        return versions.diff(files(seq), files(other));
    }

    /** Makes an earlier version live again (rollback), through the same compile and fixture gate; 409 if refused. */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/versions/{seq}/activate")
    @ApiResponse(responseCode = "200", description = "the version is live again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleOutcome.class)))
    public Response activate(@PathParam("seq") long seq, @Context ContainerRequestContext request) {
        files(seq);
        RuleOutcome outcome = versions.activate(seq, rules, directory, fixtures, ApiKeyFilter.callerOf(request));
        return answer(outcome);
    }

    private RuleFiles files(long seq) {
        return versions.files(seq).orElseThrow(() -> new NotFoundException("no rule version " + seq));
    }

    /** Which rule set is live, since when, and why the last candidate was refused. */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/status")
    public RulesStatus status() {
        Classifier live = rules.current();
        RuleRefusal refusal = rules.lastRefusal();
        // a refusal a later rule set has since replaced is history, not the state of things
        return new RulesStatus(live.rulesetVersion(), live.rules().ruleNames().size(), rules.liveSince(), refusal,
                refusal != null && rules.liveSince().isAfter(refusal.at()), rules.takenOutOfService());
    }

    /**
     * Compiles candidate files ({@code {"files": {"tiers.drl": "…"}}}) without touching the live rules:
     * every error and warning as {@code file:line:column message}.
     */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the files compile and use only what rules may",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleOutcome.class)))
    public Response validate(@NotNull @Valid RuleChange body) {
        // 422: the request is well formed, its rules are not; the body lists every problem as file:line:column
        RuleOutcome outcome = rules.validate(candidate(body));
        return outcome.accepted() ? Response.ok(outcome, MediaType.APPLICATION_JSON_TYPE).build()
                : refusal(422, "the rule files do not compile or are not allowed", outcome);
    }

    /**
     * Publishes uploaded files ({@code {"files": {…}, "comment": "why"}}) as the whole new rule set: live if
     * they compile and pass the fixtures (then also written to the rules directory); 409 if refused.
     */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the rule set is live",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleOutcome.class)))
    public Response publish(@NotNull @Valid RuleChange body, @Context ContainerRequestContext request) {
        RuleFiles files = candidate(body);
        FixtureFiles fixtureChanges = candidateFixtures(body);
        RuleOutcome outcome = versions.publish(files, fixtureChanges, rules, directory, fixtures,
                ApiKeyFilter.callerOf(request), body.comment());
        return answer(outcome);
    }

    /** 200 with the outcome when the candidate went live, 409 when it was refused. */
    private static Response answer(RuleOutcome outcome) {
        return outcome.accepted() ? Response.ok(outcome, MediaType.APPLICATION_JSON_TYPE).build()
                : refusal(409, "the rule set was refused; the live rules stay", outcome);
    }

    /** A refused candidate as a problem: every reason (file:line:column, or fixture) and both versions. */
    private static Response refusal(int status, String detail, RuleOutcome outcome) {
        return Problem.invalid(status, "rules-refused", detail, outcome.errors())
                .withVersions(outcome.version(), outcome.liveVersion()).response();
    }

    /** Reads the rules directory and makes it live if it compiles and passes the fixtures; 409 if refused. */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/reload")
    @ApiResponse(responseCode = "200", description = "the rules directory is live",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleOutcome.class)))
    public Response reload(@Context ContainerRequestContext request) {
        RuleOutcome outcome = rules.propose(LiveRules.Proposal.of(RuleFiles.readDirectory(directory),
                ApiKeyFilter.callerOf(request), "reloaded from " + directory, "reload"), files -> { });
        return answer(outcome);
    }

    /**
     * The fixtures a request changes with {@code fixtures} (path → YAML text) and {@code deletedFixtures},
     * applied to the fixtures directory; null when the request changes none.
     */
    private FixtureFiles candidateFixtures(RuleChange body) {
        if (!body.changesFixtures()) {
            return null;
        }
        try {
            return FixtureFiles.readDirectory(fixtures).withChanges(
                    body.fixtures() == null ? Map.of() : body.fixtures(),
                    body.deletedFixtures() == null ? List.of() : body.deletedFixtures());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(e.getMessage().split("; ")));
        }
    }

    /**
     * The fixture set a candidate must pass (the fixture gate's directory), path → YAML text: what the console's
     * fixture editor starts from; changes go with {@code fixtures} / {@code deletedFixtures} on test and publish.
     */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/fixtures")
    public FixtureSet fixtureSet() {
        return new FixtureSet(FixtureFiles.readDirectory(fixtures).files());
    }

    /**
     * The thresholds of the live rules: every field of every {@code declare …Settings} type, with what explains it
     * in the language asked for ({@code lang}, {@code Accept-Language}; English by default).
     */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/settings")
    public List<RuleSetting> settings(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Lang language = Downloads.lang(lang, headers);
        return RuleSettings.read(rules.current().rules().files()).stream().map(s -> new RuleSetting(s.file(), s.type(),
                s.name(), s.valueType(), s.value(), s.line(), s.comment(language))).toList();
    }

    /**
     * The live rule files with new threshold values, each replaced on its line: the candidate the settings form
     * validates, tests, previews and publishes. Nothing changes until it is published. 422 naming each bad value.
     */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/settings/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChangedFiles settingChanges(@NotNull @Valid SettingChanges body) {
        try {
            return new ChangedFiles(RuleSettings.apply(rules.current().rules().files(), body.changes().stream()
                    .map(c -> new RuleSettings.Change(c.file(), c.type(), c.name(), c.value())).toList()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(e.getMessage().split("; ")));
        }
    }

    /** Every rule set that went live, and how: start, reload, publish, rollback, follow (newest first, 200). */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/activations")
    public List<RuleActivation> activations() {
        return versions.activations(200);
    }

    /**
     * The candidate a request describes, as a change to the live rule set: {@code files} adds or replaces
     * files, {@code deleted} removes them, every other file is the live one's. 422 naming each bad field.
     */
    private RuleFiles candidate(RuleChange body) {
        return Candidates.files(rules, body);
    }
}
