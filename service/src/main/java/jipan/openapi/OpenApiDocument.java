package jipan.openapi;

import io.swagger.v3.jaxrs2.integration.resources.BaseOpenApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.ServletConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * The OpenAPI 3.1 document of the REST API, generated from the resources ({@code /api/v1/openapi.json} and
 * {@code .yaml}), served without an API key: every endpoint, the API-key scheme every one of them needs.
 */
@Path("/api/v1/openapi.{type:json|yaml}")
@PermitAll
public class OpenApiDocument extends BaseOpenApiResource {
    @Context
    ServletConfig config;

    @Context
    Application app;

    public OpenApiDocument(String version) {
        OpenAPI api = new OpenAPI()
                .info(new Info().title("jipan").version(version).description("Classifies a car dealer's customer "
                        + "base with editable rules: after-sales tier, churn, loyalty, base grade, vehicle lifecycle "
                        + "and war-defeat categories, each answer with the rules that decided it. Every call needs "
                        + "an API key in X-Api-Key; errors are application/problem+json."))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
        openApiConfiguration(new SwaggerConfiguration().openAPI(api).openAPI31(true).prettyPrint(true)
                .resourcePackages(Set.of("jipan.resources")));
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/yaml"})
    @Operation(hidden = true)
    public Response document(@Context HttpHeaders headers, @Context UriInfo uriInfo, @PathParam("type") String type)
            throws Exception {
        return super.getOpenApi(headers, config, app, uriInfo, type);
    }
}
