package jipan.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jipan.api.NightlyStatus;
import jipan.auth.Roles;
import jipan.auth.StoreScoped;
import jipan.db.NightlyDao;
import jipan.nightly.NightlySettings;
import jipan.stores.StoreScope;
import jipan.stores.Stores;
import org.jdbi.v3.core.Jdbi;

/** {@code GET /api/v1/nightly}: the nightly pipeline's schedule and its latest nights (of the caller's stores). */
@Path("/api/v1/nightly")
@Produces(MediaType.APPLICATION_JSON)
public class NightlyResource {
    private static final TypeReference<List<String>> LINES = new TypeReference<>() { };

    private final NightlySettings settings;
    private final Stores stores;
    private final Jdbi jdbi;
    private final ObjectMapper json;

    public NightlyResource(NightlySettings settings, Stores stores, Jdbi jdbi, ObjectMapper json) {
        this.settings = settings;
        this.stores = stores;
        this.jdbi = jdbi;
        this.json = json;
    }

    /**
     * The schedule and the latest 200 store-nights, newest first ({@code store}: of one store), their steps in the
     * language asked for ({@code lang}, {@code Accept-Language}).
     */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST})
    @GET
    @StoreScoped
    public NightlyStatus status(@QueryParam("store") String store, @QueryParam("lang") String lang,
                                @Context jakarta.ws.rs.core.HttpHeaders headers,
                                @Context ContainerRequestContext request) {
        boolean chinese = Downloads.lang(lang, headers) == jipan.core.Lang.ZH;
        StoreScope scope = StoreParameters.scope(request, stores, "store", store);
        List<NightlyDao.NightRow> rows = jdbi.withExtension(NightlyDao.class, dao -> scope.isAll() ? dao.latest(200)
                : dao.latestOf(List.copyOf(scope.codes()), 200));
        return new NightlyStatus(settings.enabled() ? settings.getCron().strip() : null, settings.getTimeZone(),
                rows.stream().map(row -> night(row, chinese)).toList());
    }

    /** A step in Chinese when asked (as it was written where no phrase is known). */
    private static String said(String text, boolean chinese) {
        if (!chinese || text == null) {
            return text;
        }
        String translated = jipan.core.Chinese.translate(text);
        return translated == null ? text : translated;
    }

    private NightlyStatus.Night night(NightlyDao.NightRow row, boolean chinese) {
        List<String> steps;
        try {
            steps = json.readValue(row.steps(), LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the steps of night " + row.night() + " of " + row.store()
                    + " are not readable", e);
        }
        return new NightlyStatus.Night(row.store(), row.night(), row.state(), row.owner(), row.startedAt(),
                row.finishedAt(), row.runId(), row.files(), row.failedFiles(),
                steps.stream().map(step -> said(step, chinese)).toList(), said(row.error(), chinese));
    }
}
