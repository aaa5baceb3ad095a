package jipan.console;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The web console, served from the jar on the application port: {@code /} is its page, {@code /console/…} its
 * scripts and styles (flat names only: nothing outside {@code src/main/resources/console} can be asked for).
 * The page needs no key (it asks for one); every call it makes to the API sends the key. A strict
 * Content-Security-Policy: scripts and styles from the service only, no inline code, no other origin.
 */
@Path("/")
@PermitAll
public class ConsoleResource {

    /** No inline script or style anywhere: the console sets text, never markup. */
    public static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8", "svg", "image/svg+xml", "html", "text/html; charset=UTF-8",
            "md", "text/plain; charset=UTF-8");

    @GET
    @Operation(hidden = true)
    public Response page(@Context Request request) {
        return file(request, "index.html", "html");
    }

    @GET
    @Path("console/{name: [a-z0-9-]+}.{type: js|css|svg}")
    @Operation(hidden = true)
    public Response asset(@PathParam("name") String name, @PathParam("type") String type,
                          @Context Request request) {
        return file(request, name + "." + type, type);
    }

    /**
     * The analyst's guide to the rules in English and Chinese and the glossary (docs/, packed into the jar), as
     * text: linked from the console's rules page.
     */
    @GET
    @Path("console/docs/{name: rules|rules\\.zh-CN|glossary}.md")
    @Operation(hidden = true)
    public Response guide(@PathParam("name") String name, @Context Request request) {
        return file(request, "docs/" + name + ".md", "md");
    }

    /** Apache ECharts, from its WebJar (its licence and notice are in the same jar). */
    @GET
    @Path("console/echarts.js")
    @Operation(hidden = true)
    public Response charts(@Context Request request) {
        return file(request, ECHARTS, "js");
    }

    /** CodeMirror 5 for the rule editor, from its WebJar: the editor, its style, the simple-mode add-on. */
    @GET
    @Path("console/codemirror/{file: codemirror\\.js|codemirror\\.css|simple\\.js}")
    @Operation(hidden = true)
    public Response editor(@PathParam("file") String file, @Context Request request) {
        String path = switch (file) {
            case "codemirror.js" -> "lib/codemirror.js";
            case "codemirror.css" -> "lib/codemirror.css";
            default -> "addon/mode/simple.js";
        };
        return file(request, CODEMIRROR + path, file.substring(file.lastIndexOf('.') + 1));
    }

    private static final String ECHARTS = WebJars.root("org.webjars.npm", "echarts") + "dist/echarts.min.js";
    private static final String CODEMIRROR = WebJars.root("org.webjars.npm", "codemirror");

    /** A file's bytes and their hash (the ETag), read once: the files are in the jar and never change. */
    private record Asset(byte[] bytes, String etag) {
    }

    /** Only files that exist are kept (a missing one maps to nothing), so the map holds at most the jar's files. */
    private static final ConcurrentMap<String, Asset> ASSETS =
            new ConcurrentHashMap<>();

    private static Asset read(String path) {
        try (InputStream in = ConsoleResource.class.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            return new Asset(bytes, HexFormat.of().formatHex(MessageDigest
                    .getInstance("SHA-256").digest(bytes), 0, 8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Response file(Request request, String name, String type) {
        String path = name.startsWith("/") ? name : "/console/" + name;
        Asset asset = ASSETS.computeIfAbsent(path, ConsoleResource::read);
        if (asset == null) {
            throw new NotFoundException("no console file " + name);
        }
        // revalidated on every use (no-cache), answered 304 while unchanged: no stale console after an upgrade
        EntityTag tag = new EntityTag(asset.etag());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        return (unchanged != null ? unchanged : Response.ok(asset.bytes(), TYPES.get(type)).tag(tag))
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .build();
    }
}
