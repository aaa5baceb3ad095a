package jipan.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jipan.api.WebhookDelivery;
import jipan.auth.Roles;
import jipan.core.documents.InvalidInputException;
import jipan.db.WebhookDao;
import org.jdbi.v3.core.Jdbi;

/** The webhook deliveries, newest first: every message to every endpoint with what it answered. */
@Path("/api/v1/webhooks/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {
    private static final List<String> STATES = List.of("pending", "delivered", "failed");

    private final Jdbi jdbi;

    public WebhookResource(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The latest 200 deliveries ({@code state}: pending, delivered or failed). */
    @RolesAllowed(Roles.ANALYST)
    @GET
    public List<WebhookDelivery> deliveries(@QueryParam("state") String state) {
        if (state != null && !state.isBlank() && !STATES.contains(state.strip())) {
            throw new InvalidInputException(List.of("state: must be one of " + STATES + " (got " + state + ")"));
        }
        return jdbi.withExtension(WebhookDao.class, dao -> state == null || state.isBlank() ? dao.latest(200)
                : dao.latestIn(state.strip(), 200)).stream()
                .map(row -> new WebhookDelivery(row.id(), row.endpoint(), row.url(), row.event(), row.state(),
                        row.attempts(), row.lastStatus(), row.lastAnswer(), row.createdAt(), row.nextAttemptAt(),
                        row.deliveredAt(), row.body())).toList();
    }
}
