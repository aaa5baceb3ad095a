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
import jipan.core.RuleFiles;
import jipan.core.RuleSettings;
import jipan.core.StoreOverrides;
import jipan.stores.Stores;
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
    private final Stores stores;

    public RuleSettingsResource(LiveRules rules, Stores stores) {
        this.rules = rules;
        this.stores = stores;
    }

    /**
     * The thresholds of the live rules: every field of every {@code declare …Settings} type, with what explains it
     * in the language asked for ({@code lang}, {@code Accept-Language}; English by default).
     */
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
    @GET
        public List<RuleSetting> settings(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Lang language = Downloads.lang(lang, headers);
        RuleFiles files = rules.current().rules().files();
        List<StoreOverrides.Override> overrides = StoreOverrides.read(files);
        return RuleSettings.read(files).stream().map(s -> {
            java.util.Map<String, String> byStore = new java.util.TreeMap<>();
            overrides.stream().filter(o -> o.type().equals(s.type()) && o.name().equals(s.name()))
                    .forEach(o -> byStore.put(o.store(), o.value()));
            return new RuleSetting(s.file(), s.type(), s.name(), s.valueType(), s.value(), s.line(),
                    s.comment(language), byStore);
        }).toList();
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
        RuleFiles files = rules.current().rules().files();
        List<String> problems = new java.util.ArrayList<>();
        java.util.SortedMap<String, String> changed = new java.util.TreeMap<>();
        List<SettingChanges.Change> group = body.changes().stream().filter(c -> c.store() == null || c.store().isBlank())
                .toList();
        try {
            if (!group.isEmpty()) {
                changed.putAll(RuleSettings.apply(files, group.stream()
                        .map(c -> new RuleSettings.Change(c.file(), c.type(), c.name(), c.value())).toList()));
            }
        } catch (IllegalArgumentException e) {
            problems.addAll(List.of(e.getMessage().split("; ")));
        }
        // a store's own values: each checked like a group value, then written as its line of the overrides file
        String overrides = files.files().getOrDefault(StoreOverrides.FILE, "");
        for (int i = 0; i < body.changes().size(); i++) {
            SettingChanges.Change c = body.changes().get(i);
            if (c.store() == null || c.store().isBlank()) {
                continue;
            }
            try {
                String store = stores.check("changes[" + i + "].store", c.store()).code();
                if (!c.value().isBlank()) {
                    RuleSettings.apply(files, List.of(new RuleSettings.Change(c.file(), c.type(), c.name(), c.value())));
                } else if (RuleSettings.read(files).stream().noneMatch(s -> s.file().equals(c.file())
                        && s.type().equals(c.type()) && s.name().equals(c.name()))) {
                    throw new IllegalArgumentException(c.file() + ":" + c.type() + "." + c.name() + ": no such setting");
                }
                overrides = StoreOverrides.with(overrides, store, c.type(), c.name(), c.value());
            } catch (IllegalArgumentException e) {
                problems.add("store " + c.store() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!overrides.equals(files.files().getOrDefault(StoreOverrides.FILE, ""))) {
            changed.put(StoreOverrides.FILE, overrides);
        }
        return new ChangedFiles(changed);
    }
}
