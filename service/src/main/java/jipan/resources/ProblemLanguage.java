package jipan.resources;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jipan.api.Problem;
import jipan.core.Chinese;
import jipan.core.Lang;

/**
 * Every error answer in the language the request asks for (issue 26): when it asks for Chinese
 * ({@code lang=zh} or {@code Accept-Language: zh…}), each problem's message — a rule file refused at its line, a
 * decision table's cell, a fixture that failed, a field of the input — is put into Chinese with the original
 * kept beside it ({@link Chinese#withOriginal}). English, the API's default, is left as it is.
 */
@Provider
public class ProblemLanguage implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)) {
            return;
        }
        String lang = request.getUriInfo().getQueryParameters().getFirst("lang");
        // an unknown lang= is the request's own problem (this may be its answer): Accept-Language decides then
        if (Lang.choose(lang, request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), Lang.EN) != Lang.ZH) {
            return;
        }
        response.setEntity(new Problem(problem.type(), problem.title(), problem.status(),
                Chinese.withOriginal(problem.detail()),
                problem.errors() == null ? null : problem.errors().stream()
                        .map(error -> new Problem.FieldError(error.path(), Chinese.withOriginal(error.message())))
                        .toList(),
                problem.candidateVersion(), problem.liveVersion()), response.getEntityAnnotations(),
                response.getMediaType());
    }
}
