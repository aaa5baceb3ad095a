package jipan.resources;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jipan.api.Problem;

/**
 * One rule for every query parameter of every endpoint: a parameter given with an empty value ({@code ?by=},
 * {@code ?from=&to=}) is answered 400 naming it, never taken as if it were left out. A client that means the default
 * leaves the parameter out; one that sent an empty value by mistake (an unfilled form field, a template variable
 * that was never set) is told so instead of getting an answer to a question it did not ask. Runs after the key and
 * role checks, so only a caller who may use the endpoint learns about its parameters.
 */
@Priority(Priorities.USER)
public final class EmptyParameters implements ContainerRequestFilter {
    private static final int SHOWN = 40;

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getValue().stream().anyMatch(value -> value == null || value.isBlank())) {
                String name = parameter.getKey();
                problems.add((name.length() > SHOWN ? name.substring(0, SHOWN) + "…" : name)
                        + ": is empty; leave the parameter out to use its default");
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            request.abortWith(Problem.invalid(400, "bad-request", problems.size() == 1 ? problems.get(0)
                    : "the request has " + problems.size() + " problems", problems).response());
        }
    }
}
