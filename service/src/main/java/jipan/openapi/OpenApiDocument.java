package jipan.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import jipan.core.documents.JsonSettings;

/**
 * The OpenAPI 3.1 document of the REST API ({@code /api/v1/openapi.json} and {@code .yaml}), served without an
 * API key: generated from the resource classes, then completed by {@link ContractDetails} with every report of
 * the registry, every error answer and the contract's example. The example answer is what the live rules
 * answer to the example request, so the document is rebuilt when another rule set goes live.
 */
@Path("/api/v1/openapi.{type:json|yaml}")
@PermitAll
public class OpenApiDocument {
    /** The classify request of the contract (the domain document's §5 example). */
    public static final String EXAMPLE_REQUEST = "/openapi/classify-example.json";

    private final String version;
    private final Set<Class<?>> resources;
    private final Supplier<String> liveVersion;
    private final Function<JsonNode, Object> classify;
    private final ObjectMapper json;
    private volatile Built built;

    private record Built(String rulesVersion, String json, String yaml) {
    }

    /**
     * The document of {@code resources}.
     *
     * @param resources the resource classes the document describes
     * @param liveVersion the live rule set's version (the document is rebuilt when it changes)
     * @param classify the classify endpoint, to answer the example request for the example response
     */
    public static OpenApiDocument of(String version, Set<Class<?>> resources, Supplier<String> liveVersion,
                                     Function<JsonNode, Object> classify, ObjectMapper json) {
        return new OpenApiDocument(version, resources, liveVersion, classify, json);
    }

    // not public: Jersey inspects a resource's public constructors and warns at every start that it cannot
    // resolve a Set<Class<?>> (the instance is made here, not by Jersey)
    private OpenApiDocument(String version, Set<Class<?>> resources, Supplier<String> liveVersion,
                            Function<JsonNode, Object> classify, ObjectMapper json) {
        this.version = version;
        this.resources = resources;
        this.liveVersion = liveVersion;
        this.classify = classify;
        this.json = json;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/yaml"})
    @Operation(hidden = true)
    public Response document(@PathParam("type") String type) {
        Built document = current();
        return type.equals("yaml") ? Response.ok(document.yaml(), "application/yaml; charset=UTF-8").build()
                : Response.ok(document.json(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    private synchronized Built current() {
        String rules = liveVersion.get();
        if (built == null || !built.rulesVersion().equals(rules)) {
            OpenAPI api = build();
            built = new Built(rules, Json31.pretty(api), Yaml31.pretty(api));
        }
        return built;
    }

    /** The document: the resources as swagger-core reads them, completed with reports, errors and examples. */
    public OpenAPI build() {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("jipan").version(version).description("Classifies a car dealer's customer "
                        + "base with editable rules: after-sales tier, churn, loyalty, base grade, vehicle lifecycle "
                        + "and war-defeat categories, each answer with the rules that decided it. Every call needs "
                        + "an API key in X-Api-Key; errors are application/problem+json (RFC 9457)."))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key")
                        .description("An API key; its role (INTEGRATION, ANALYST, SERVICE, VIEWER, APPROVER) decides what it may call")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
        ContractDetails.registerConverters();
        OpenAPI api = new Reader(new SwaggerConfiguration().openAPI(base).openAPI31(true)).read(resources);
        JsonNode request = exampleRequest();
        ContractDetails.complete(api, request, json.valueToTree(classify.apply(request)));
        return api;
    }

    static JsonNode exampleRequest() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(EXAMPLE_REQUEST)) {
            return JsonSettings.newObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
