package jipan.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jipan.api.ChangedFiles;
import jipan.api.RuleSetting;
import jipan.api.SettingChanges;
import jipan.auth.Roles;
import jipan.core.Lang;
import jipan.core.RuleSettings;
import jipan.core.documents.InvalidInputException;
import jipan.lifecycle.LiveRules;

/**
 * The settings form: every threshold of the live rules with what explains it, and the rule files with new values —
 * a candidate the form then validates, tests, previews and publishes like any other.
 */
@Path("/api/v1/rules/settings")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSettingsResource {
    private final LiveRules rules;

    public RuleSettingsResource(LiveRules rules) {
        this.rules = rules;
    }

    /**
     * The thresholds of the live rules: every field of every {@code declare …Settings} type, with what explains it
     * in the language asked for ({@code lang}, {@code Accept-Language}; English by default).
     */
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
    @GET
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
    @Path("/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChangedFiles settingChanges(@NotNull @Valid SettingChanges body) {
        try {
            return new ChangedFiles(RuleSettings.apply(rules.current().rules().files(), body.changes().stream()
                    .map(c -> new RuleSettings.Change(c.file(), c.type(), c.name(), c.value())).toList()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(e.getMessage().split("; ")));
        }
    }
}
