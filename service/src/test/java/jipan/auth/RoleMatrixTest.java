package jipan.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jipan.TestApp;
import jipan.reports.ReportRegistry;
import jipan.resources.ResourceClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every resource method names its roles, the README's role table says the same, and every endpoint tried
 * with every role under many spellings of its path is refused (403, or not matched at all) for the roles it
 * does not name, and reached for those it does.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RoleMatrixTest {
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config-keys.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:role-matrix-test;DB_CLOSE_DELAY=-1"));
    private static final Map<String, String> KEYS = Map.of("INTEGRATION", "demo-integration", "ANALYST",
            "demo-analyst", "SERVICE", "demo-service", "VIEWER", "demo-viewer", "APPROVER", "demo-approver");
    private static final Pattern README_ROW = Pattern.compile("^\\| (GET|POST|PUT|DELETE) \\| `([^`]+)` \\| ([A-Z, ]+) \\|$");
    /** Answers that show the request did not reach the method: refused, or not matched by any method. */
    private static final Set<Integer> NOT_REACHED = Set.of(400, 403, 404, 405, 415);

    /** "VERB /path/{param}" → the roles the code allows. */
    private static Map<String, List<String>> fromCode() {
        Map<String, List<String>> endpoints = new TreeMap<>();
        List<Class<?>> resources = ResourceClasses.all();
        assertThat(resources).hasSizeGreaterThanOrEqualTo(6);
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String verb = ResourceClasses.verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = (base + (sub == null ? "" : (sub.value().startsWith("/") ? "" : "/") + sub.value()))
                        .replaceAll("\\{(\\w+):[^}]*}", "{$1}");
                List<String> roles = RoleCheck.rolesOf(method);
                assertThat(roles).as(verb + " " + path + " (" + resource.getSimpleName() + "." + method.getName()
                        + ") names its roles").isNotEmpty();
                endpoints.put(verb + " " + path, roles);
            }
        }
        return endpoints;
    }

    private static Map<String, List<String>> fromReadme() throws IOException {
        Map<String, List<String>> endpoints = new TreeMap<>();
        for (String line : Files.readAllLines(java.nio.file.Path.of("../README.md"))) {
            Matcher row = README_ROW.matcher(line.strip());
            if (row.matches()) {
                endpoints.put(row.group(1) + " " + row.group(2), List.of(row.group(3).split(",\\s*")));
            }
        }
        return endpoints;
    }

    @Test
    void everyMethodNamesItsRolesAndTheReadmeSaysTheSame() throws IOException {
        assertThat(fromReadme()).isEqualTo(fromCode());
    }

    /** The same endpoint written in ways a path-prefix check would not recognise. */
    private static List<String> spellings(String path) {
        String rest = path.substring("/api/v1/".length());
        String encoded = "%" + Integer.toHexString(rest.charAt(0)) + rest.substring(1);
        return List.of(path, "/api/v1;x=1/" + rest, "/api/v1//" + rest, path + "/", "/API/v1/" + rest,
                "/api/v1/" + encoded, "/api/./v1/" + rest, "/api/v1/" + rest.replace("/", ";y=2/"));
    }

    private static String concrete(String template) {
        return template.replace("{fromTier}", "A").replace("{toTier}", "B").replaceAll("\\{[^}]+}", "1");
    }

    @Test
    void everyEndpointUnderEverySpellingIsRefusedToTheRolesItDoesNotName() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> failures = new ArrayList<>();
        int tried = 0;
        Map<String, List<String>> endpoints = new TreeMap<>();
        fromCode().forEach((endpoint, roles) -> {
            if (endpoint.endsWith("/{report}")) { // one method serves every report of the registry: try each
                ReportRegistry.ALL.forEach(report -> endpoints.put(endpoint.replace("{report}", report.path()), roles));
            } else {
                endpoints.put(endpoint, roles);
            }
        });
        for (Map.Entry<String, List<String>> endpoint : endpoints.entrySet()) {
            String verb = endpoint.getKey().substring(0, endpoint.getKey().indexOf(' '));
            String path = concrete(endpoint.getKey().substring(verb.length() + 1));
            for (Map.Entry<String, String> key : KEYS.entrySet()) {
                boolean allowed = endpoint.getValue().contains(key.getKey());
                for (String spelling : allowed ? List.of(path) : spellings(path)) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
                            + APP.getLocalPort() + spelling)).header("X-Api-Key", key.getValue())
                            .header("Content-Type", MediaType.APPLICATION_JSON);
                    request = verb.equals("GET") ? request.GET()
                            : request.method(verb, HttpRequest.BodyPublishers.ofString("{}"));
                    int status;
                    try {
                        status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException closed) {
                        // a connection the server closed after refusing the previous request: send it again once
                        status = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    }
                    tried++;
                    if (allowed ? status == 401 || status == 403 : !NOT_REACHED.contains(status)) {
                        failures.add(key.getKey() + " " + verb + " " + spelling + " → " + status);
                    }
                }
            }
        }
        assertThat(tried).isGreaterThan(400);
        assertThat(failures).isEmpty();
    }

    @Test
    void theMatrixParameterThatOnceReachedPublishIsRefused() {
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort()
                + "/api/v1;x=1/rules/publish").request().header("X-Api-Key", "demo-integration")
                .post(Entity.json("{\"files\": {\"a.drl\": \"package jipan.rules;\"}}"))) {
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.readEntity(String.class)).contains("the INTEGRATION key 'test integration' may not "
                    + "POST").contains("needs ANALYST");
        }
    }
}
