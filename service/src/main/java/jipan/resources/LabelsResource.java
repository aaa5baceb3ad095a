package jipan.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jipan.api.ValueLabel;
import jipan.auth.Roles;
import jipan.core.Labels;

/**
 * {@code GET /api/v1/labels}: every value a user reads (tiers, churn states, grades, lifecycle stages, task kinds,
 * assignees, lead states, run and import states …) with its label in Chinese and English — the one list the
 * console, the rules' sentences ({@code %l}) and docs/glossary.md share.
 */
@Path("/api/v1/labels")
@Produces(MediaType.APPLICATION_JSON)
public class LabelsResource {

    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST, Roles.SERVICE, Roles.VIEWER, Roles.APPROVER})
    @GET
    @jipan.auth.StoreScoped
    public List<ValueLabel> labels() {
        return Labels.all().entrySet().stream()
                .map(entry -> new ValueLabel(entry.getKey(), entry.getValue().get("zh"), entry.getValue().get("en")))
                .toList();
    }
}
