package jipan.resources;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jipan.auth.ApiKeyFilter;
import jipan.auth.Roles;
import jipan.core.Classifier;
import jipan.core.RuleCompilationException;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.RuleProblem;
import jipan.core.documents.InvalidInputException;
import jipan.core.scenarios.FixtureFiles;
import jipan.core.scenarios.FixtureLoader;
import jipan.core.scenarios.FixtureReport;
import jipan.core.scenarios.FixtureRunner;
import jipan.lifecycle.LiveRules;
import jipan.lifecycle.RuleImpact;
import jipan.lifecycle.RuleVersions;

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
    public Response test(JsonNode body) {
        Classifier candidate = compiled(body);
        FixtureFiles changed = candidateFixtures(body);
        FixtureReport report = new FixtureRunner(candidate).runAll(changed == null
                ? new FixtureLoader().load(fixtures) : new FixtureLoader().load(changed));
        return Response.ok(new TestReport(candidate.rulesetVersion(), report.passed(), report.failed(),
                report.outcomes().stream().map(o -> new TestOutcome(o.name(), o.passed(), o.differences())).toList(),
                report.ruleCount(), report.neverFired())).build();
    }

    /** What {@code test-rules} prints, as JSON. */
    public record TestReport(String candidateVersion, long passed, long failed, List<TestOutcome> fixtures,
                             int rules, java.util.SortedSet<String> neverFired) {
    }

    /** One fixture's result. */
    public record TestOutcome(String name, boolean passed, List<String> differences) {
    }

    /**
     * Classifies the stored customers with candidate files and with the live rules and answers the migration
     * matrix per output. {@code {"files": {…}, "asOf": "2012-09-30", "sample": 20000}}: sample defaults to 20,000.
     */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/impact")
    @Consumes(MediaType.APPLICATION_JSON)
    public RuleImpact.Report impact(JsonNode body) {
        Classifier candidate = compiled(body);
        JsonNode asOf = body.get("asOf");
        if (asOf == null || !asOf.isTextual()) {
            throw new BadRequestException("asOf: is required, a date YYYY-MM-DD");
        }
        int sample = body.hasNonNull("sample") ? body.get("sample").asInt() : 20_000;
        if (sample < 1) {
            throw new BadRequestException("sample: must be at least 1");
        }
        return impact.compare(rules.current(), candidate, CustomerResource.date("asOf", asOf.asText()), sample);
    }

    /** The candidate files compiled with the live limits, or 422 with every compile error. */
    private Classifier compiled(JsonNode body) {
        try {
            return rules.current().withRules(new RuleCompiler().compile(candidate(body)));
        } catch (RuleCompilationException e) {
            throw new InvalidInputException(e.errors().stream().map(RuleProblem::toString).toList());
        }
    }

    /** Every rule set that went live, latest first. */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/versions")
    public List<RuleVersions.Version> versions() {
        return versions.list();
    }

    /** One version with its files. */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/versions/{seq}")
    public Map<String, Object> version(@PathParam("seq") long seq) {
        RuleVersions.Version version = versions.find(seq).orElseThrow(() -> new NotFoundException("no rule version " + seq));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", version);
        answer.put("files", files(seq).files());
        return answer;
    }

    /** What changed from version {@code seq} to version {@code other}, file by file. */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/versions/{seq}/diff/{other}")
    public List<RuleVersions.FileDiff> diff(@PathParam("seq") long seq, @PathParam("other") long other) {
        return versions.diff(files(seq), files(other));
    }

    /** Makes an earlier version live again (rollback), through the same compile and fixture gate; 409 if refused. */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/versions/{seq}/activate")
    public Response activate(@PathParam("seq") long seq, @Context ContainerRequestContext request) {
        files(seq);
        LiveRules.Outcome outcome = versions.activate(seq, rules, directory, fixtures, caller(request));
        return answer(outcome);
    }

    private RuleFiles files(long seq) {
        return versions.files(seq).orElseThrow(() -> new NotFoundException("no rule version " + seq));
    }

    /** Which rule set is live, since when, and why the last candidate was refused. */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/status")
    public Map<String, Object> status() {
        Classifier live = rules.current();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("liveVersion", live.rulesetVersion());
        status.put("rules", live.rules().ruleNames().size());
        status.put("liveSince", rules.liveSince().toString());
        status.put("lastRefusal", rules.lastRefusal());
        LiveRules.Refusal refusal = rules.lastRefusal();
        // a refusal a later rule set has since replaced is history, not the state of things
        status.put("lastRefusalSuperseded", refusal != null && rules.liveSince().isAfter(refusal.at()));
        status.put("takenOutOfService", rules.takenOutOfService());
        return status;
    }

    /**
     * Compiles candidate files ({@code {"files": {"tiers.drl": "…"}}}) without touching the live rules:
     * every error and warning as {@code file:line:column message}.
     */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response validate(JsonNode body) {
        // 422: the request is well formed, its rules are not; the body lists every problem as file:line:column
        LiveRules.Outcome outcome = rules.validate(candidate(body));
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
    public Response publish(JsonNode body, @Context ContainerRequestContext request) {
        RuleFiles files = candidate(body);
        FixtureFiles fixtureChanges = candidateFixtures(body);
        JsonNode comment = body.get("comment");
        LiveRules.Outcome outcome = versions.publish(files, fixtureChanges, rules, directory, fixtures, caller(request),
                comment == null ? null : comment.asText());
        return answer(outcome);
    }

    /** 200 with the outcome when the candidate went live, 409 when it was refused. */
    private static Response answer(LiveRules.Outcome outcome) {
        return outcome.accepted() ? Response.ok(outcome, MediaType.APPLICATION_JSON_TYPE).build()
                : refusal(409, "the rule set was refused; the live rules stay", outcome);
    }

    /** A refused candidate as a problem: every reason (file:line:column, or fixture) and both versions. */
    private static Response refusal(int status, String detail, LiveRules.Outcome outcome) {
        return jipan.api.Problem.invalid(status, "rules-refused", detail, outcome.errors())
                .withVersions(outcome.version(), outcome.liveVersion()).response();
    }

    private static String caller(ContainerRequestContext request) {
        Object caller = request.getProperty(ApiKeyFilter.CALLER);
        return caller == null ? "anonymous" : caller.toString();
    }

    /** Reads the rules directory and makes it live if it compiles and passes the fixtures; 409 if refused. */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/reload")
    public Response reload(@Context ContainerRequestContext request) {
        LiveRules.Outcome outcome = rules.propose(LiveRules.Proposal.of(RuleFiles.readDirectory(directory), caller(request),
                "reloaded from " + directory, "reload"), files -> { });
        return answer(outcome);
    }

    /**
     * The fixtures a request changes with {@code fixtures} (path → YAML text) and {@code deletedFixtures},
     * applied to the fixtures directory; null when the request changes none.
     */
    private FixtureFiles candidateFixtures(JsonNode body) {
        if (body == null || (body.get("fixtures") == null && body.get("deletedFixtures") == null)) {
            return null;
        }
        Change change = change(body, "fixtures", "deletedFixtures");
        try {
            return FixtureFiles.readDirectory(fixtures).withChanges(change.texts(), change.removed());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(e.getMessage().split("; ")));
        }
    }

    /** Files to add or replace ({@code name → text}) and files to remove, as a request field pair gives them. */
    private record Change(Map<String, String> texts, List<String> removed) {
    }

    /** Reads {@code filesField} (an object of name → text) and {@code deletedField} (a list); 422 naming each problem. */
    private static Change change(JsonNode body, String filesField, String deletedField) {
        JsonNode changed = body == null ? null : body.get(filesField);
        JsonNode deleted = body == null ? null : body.get(deletedField);
        List<String> problems = new java.util.ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> removed = new java.util.ArrayList<>();
        if (changed != null && !changed.isObject()) {
            problems.add(filesField + ": must be an object of file name → text");
        } else if (changed != null) {
            changed.fields().forEachRemaining(file -> {
                if (file.getValue().isTextual()) {
                    texts.put(file.getKey(), file.getValue().asText());
                } else {
                    problems.add(filesField + "." + file.getKey() + ": must be the file's text");
                }
            });
        }
        if (deleted != null && !deleted.isArray()) {
            problems.add(deletedField + ": must be a list of file names");
        } else if (deleted != null) {
            deleted.forEach(name -> {
                if (name.isTextual()) {
                    removed.add(name.asText());
                } else {
                    problems.add(deletedField + ": must be a list of file names (got " + name + ")");
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Change(texts, removed);
    }

    /** Every rule set that went live, and how: start, reload, publish, rollback, follow (newest first, 200). */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/activations")
    public List<RuleVersions.Activation> activations() {
        return versions.activations(200);
    }

    /**
     * The candidate a request describes, as a change to the live rule set: {@code files} adds or replaces
     * files, {@code deleted} removes them, every other file is the live one's. 422 naming each bad field.
     */
    private RuleFiles candidate(JsonNode body) {
        Change change = change(body, "files", "deleted");
        if (change.texts().isEmpty() && change.removed().isEmpty()) {
            throw new InvalidInputException(List.of(
                    "files: required (the files to add or change), or deleted (the files to remove)"));
        }
        try {
            return rules.current().rules().files().withChanges(change.texts(), change.removed());
        } catch (RuleFiles.InvalidRuleFilesException e) {
            throw new InvalidInputException(e.problems());
        }
    }
}
