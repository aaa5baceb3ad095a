package jipan.resources;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jipan.api.Problem;
import jipan.approval.PublishRequests;

/**
 * A publish request that cannot be made, decided or changed as asked: 403 (the author deciding their own, someone
 * else withdrawing it), 404, 409 (not pending, decided meanwhile, the live rules moved, the gate refused) or 422 (a bad
 * field), each reason listed, with the candidate and live versions.
 */
public class PublishRequestRefusedMapper implements ExceptionMapper<PublishRequests.Refused> {
    @Override
    public Response toResponse(PublishRequests.Refused refused) {
        String kind = switch (refused.status()) {
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 422 -> "invalid-input";
            default -> "request-refused";
        };
        return Problem.invalid(refused.status(), kind, String.join("; ", refused.reasons()), refused.reasons())
                .withVersions(refused.candidate(), refused.live()).response();
    }
}
