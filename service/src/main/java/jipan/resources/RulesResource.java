package jipan.resources;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import jipan.core.Classifier;
import jipan.core.LiveRules;
import jipan.core.RuleFiles;

/**
 * The live rule set: which version is live, validating candidate files, and reloading from the rules
 * directory. A reloaded rule set goes live only if it compiles and passes the fixture gate.
 */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {
    private final LiveRules rules;
    private final java.nio.file.Path directory;

    public RulesResource(LiveRules rules, java.nio.file.Path directory) {
        this.rules = rules;
        this.directory = directory;
    }

    /** Which rule set is live, since when, and why the last candidate was refused. */
    @GET
    @Path("/status")
    public Map<String, Object> status() {
        Classifier live = rules.current();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("liveVersion", live.rulesetVersion());
        status.put("rules", live.rules().ruleNames().size());
        status.put("liveSince", rules.liveSince().toString());
        status.put("lastRefusal", rules.lastRefusal());
        return status;
    }

    /**
     * Compiles candidate files ({@code {"files": {"tiers.drl": "…"}}}) without touching the live rules:
     * every error and warning as {@code file:line:column message}.
     */
    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    public LiveRules.Outcome validate(JsonNode body) {
        return rules.validate(candidate(body));
    }

    /** Reads the rules directory and makes it live if it compiles and passes the fixtures; 409 if refused. */
    @POST
    @Path("/reload")
    public Response reload() {
        LiveRules.Outcome outcome = rules.propose(RuleFiles.readDirectory(directory));
        return Response.status(outcome.accepted() ? Response.Status.OK : Response.Status.CONFLICT)
                .entity(outcome).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static RuleFiles candidate(JsonNode body) {
        JsonNode files = body == null ? null : body.get("files");
        if (files == null || !files.isObject() || files.isEmpty()) {
            throw new BadRequestException("files: required, an object of file name → DRL text");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        files.fields().forEachRemaining(file -> {
            if (!file.getKey().endsWith(RuleFiles.DRL) || file.getKey().contains("/")) {
                throw new BadRequestException("files." + file.getKey() + ": a rule file is named NAME.drl");
            }
            if (!file.getValue().isTextual()) {
                throw new BadRequestException("files." + file.getKey() + ": must be the file's text");
            }
            texts.put(file.getKey(), file.getValue().asText());
        });
        return new RuleFiles(texts);
    }
}
