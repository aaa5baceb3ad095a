package jipan.openapi;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import jipan.console.WebJars;

/**
 * Swagger UI at {@code /api/docs}, from the swagger-ui WebJar, showing the service's own OpenAPI document.
 * "Authorize" takes an API key (the README's demo keys) and "Try it out" then calls the API with it. Only
 * the UI's own files are served, by name.
 */
@Path("/api/docs")
@PermitAll
@Hidden
public class SwaggerUi {
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "application/javascript",
            "swagger-ui-standalone-preset.js", "application/javascript",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="UTF-8">
              <title>jipan API</title>
              <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
              <link rel="icon" type="image/png" href="/api/docs/assets/favicon-32x32.png" sizes="32x32">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
              <script src="/api/docs/assets/swagger-ui-standalone-preset.js"></script>
              <script>
                window.ui = SwaggerUIBundle({
                  url: "/api/v1/openapi.json",
                  dom_id: "#swagger-ui",
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                  layout: "StandaloneLayout",
                  persistAuthorization: false
                });
              </script>
            </body>
            </html>
            """;

    private final String root;

    public SwaggerUi() {
        this.root = WebJars.root("org.webjars", "swagger-ui");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        return PAGE;
    }

    @GET
    @Path("/assets/{file}")
    public Response asset(@PathParam("file") String file) {
        String type = ASSETS.get(file);
        InputStream in = type == null ? null : getClass().getResourceAsStream(root + file);
        if (in == null) {
            throw new NotFoundException("no such file of the API documentation: " + file);
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86_400);
        return Response.ok(in, type).cacheControl(cache).build();
    }
}
