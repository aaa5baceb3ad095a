package jipan.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jipan.TestApp;
import jipan.TestRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Generated bad input: every field of a full customer replaced by values of the wrong kind or out of range,
 * sent to classify and to the store; bad report and run parameters; malformed requests the web server itself
 * refuses. No answer is a 5xx, every refusal is a JSON error body, and the service still answers after.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InputFuzzTest {
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:input-fuzz-test;DB_CLOSE_DELAY=-1"));
    private static final String LONG = "长".repeat(5_000);
    /** Replacements for a field's value: wrong kinds, out of range, too long, formula-looking. */
    private static final List<Function<ObjectNode, JsonNode>> BAD = List.of(
            json -> json.textNode(LONG),
            json -> json.numberNode(new BigDecimal("1e400")),
            json -> json.numberNode(-999_999_999),
            json -> json.numberNode(new BigDecimal("123456789012345678901234567890")),
            json -> json.numberNode(0.001),
            json -> json.textNode("-999999999-01-01"),
            json -> json.textNode("+100000-01-01"),
            json -> json.textNode("1899-12-31"),
            json -> json.textNode("2012-02-30"),
            json -> json.arrayNode().add(1),
            json -> json.objectNode().put("x", 1),
            json -> json.booleanNode(true),
            json -> json.textNode("=HYPERLINK(\"http://x\")"),
            json -> json.textNode("\u0000\uD83D\uDE00"));

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> failures = new ArrayList<>();
    private int refused;

    private String url(String path) {
        return "http://localhost:" + APP.getLocalPort() + path;
    }

    private void send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException closed) {
            // a connection the server closed after refusing the previous request: send it again once
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        check(method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path), response.statusCode(),
                response.body(), response.headers().firstValue("Content-Type").orElse(null));
    }

    private void check(String what, int status, String body) {
        check(what, status, body, "application/problem+json");
    }

    private void check(String what, int status, String body, String contentType) {
        if (status >= 400 && (contentType == null || !contentType.startsWith("application/problem+json"))) {
            failures.add(what + " → " + status + " as " + contentType + ", not application/problem+json");
        }
        if (status >= 500) {
            failures.add(what + " → " + status + " " + body);
        } else if (status >= 400) {
            refused++;
            try {
                JsonNode error = TestRequests.JSON.readTree(body);
                if (error.get("status") == null || error.get("status").asInt() != status || !error.has("title")
                        || !error.has("detail") || !error.path("type").asText().startsWith("urn:jipan:problem:")) {
                    failures.add(what + " → " + status + " without the JSON error body: " + body);
                }
            } catch (Exception e) {
                failures.add(what + " → " + status + " not JSON: " + body);
            }
        }
    }

    /** Every (path to a field, its object) of the customer, found by walking the JSON. */
    private static void fields(JsonNode node, String path, List<Map.Entry<String, ObjectNode>> into) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode child = object.get(name);
                if (child.isValueNode()) {
                    into.add(Map.entry(path + name, object));
                } else {
                    fields(child, path + name + ".", into);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                fields(array.get(i), path, into);
            }
        }
    }

    @Test
    void noInputOfAnyKindGetsA5xxAndEveryRefusalIsJson() throws Exception {
        JsonNode base = TestRequests.json("fuzz-base.json");
        List<Map.Entry<String, ObjectNode>> leaves = new ArrayList<>();
        fields(base, "", leaves);
        assertThat(leaves).hasSizeGreaterThan(40);
        int payloads = 0;
        for (int i = 0; i < leaves.size(); i++) {
            String path = leaves.get(i).getKey();
            for (int b = 0; b < BAD.size(); b++) {
                // walk the same leaf in a fresh copy of the request
                ObjectNode request = base.deepCopy();
                List<Map.Entry<String, ObjectNode>> copy = new ArrayList<>();
                fields(request, "", copy);
                ObjectNode owner = copy.get(i).getValue();
                String field = path.substring(path.lastIndexOf('.') + 1);
                owner.set(field, BAD.get(b).apply(owner));
                String body = request.toString();
                send("POST", "/api/v1/classify", body);
                if ((i + b) % 3 == 0) { // the store too, for a third of them
                    send("PUT", "/api/v1/customers", body);
                }
                payloads++;
            }
        }
        for (String bad : List.of("", "{", "[]", "null", "\"x\"", "{\"asOf\": \"2012-09-30\", \"customers\": {}}",
                "{\"asOf\": \"2012-09-30\", \"customers\": [1, null, \"x\"]}", "{\"customers\": [[[[[[[[[[]]]]]]]]]]}")) {
            send("POST", "/api/v1/classify", bad);
            send("PUT", "/api/v1/customers", bad);
            payloads++;
        }
        for (String query : List.of("?month=-999999999-01", "?month=+99999-01", "?month=2012-13", "?month=x",
                "?month=2012-09&format=xlsx", "?month=2012-09&format=" + "x".repeat(3_000))) {
            send("GET", "/api/v1/reports/churn/monthly" + query, null);
            payloads++;
        }
        for (String path : List.of("/api/v1/reports/churn/annual?asOf=-999999999-01-01",
                "/api/v1/reports/churn/spend?asOf=+999999999-12-31", "/api/v1/reports/growth?from=2012-01-01&to=1900-01-01",
                "/api/v1/reports/structure?from=2011-10-01&to=2012-09-30&by=nope",
                "/api/v1/reports/structure/year-over-year?from=1900-01-01&to=1900-06-30",
                "/api/v1/reports/tier-migration?from=-1&to=-2", "/api/v1/reports/tier-migration?from=x&to=y",
                "/api/v1/reports/defeats/categories?run=-1", "/api/v1/reports/defeats/categories?run=99999999999999999999",
                "/api/v1/reports/defeats/competitors?from=0000-01-01&to=9999-12-31",
                "/api/v1/reports/defeats/monthly?from=2012-01-01", "/api/v1/reports/defeats/conquest",
                "/api/v1/classification-runs/-1", "/api/v1/classification-runs/x",
                "/api/v1/call-lists/tier-migration/1/2/Z/%27", "/api/v1/call-lists/tier-migration/x/-1/A/B",
                "/api/v1/call-lists/tier-migration/1/99999999999999999999/A/B?format=xlsx&page=0",
                "/api/v1/call-lists?state=%00&format=XLSX&size=100000", "/api/v1/reports/recapture?from=-1&to=x",
                "/api/v1/reports/structure?from=2011-10-01&to=2012-09-30&format=xlsx&lang=%27",
                "/api/v1/customers/" + "x".repeat(500),
                "/api/v1/customers/C1/classification?asOf=-999999999-01-01", "/api/v1/customers/C1/classification",
                "/api/v1/imports/-5", "/api/v1/rules/versions/-1", "/api/v1/rules/versions/1/diff/x",
                "/api/v1/classify/%00", "/nope", "/api/v1/rules/versions/1;x=%C3",
                "/api/v1/customers?q=", "/api/v1/customers?q=" + "%25_!".repeat(30), "/api/v1/customers?q=a&limit=0",
                "/api/v1/customers?q=a&limit=x", "/api/v1/customers?q=%00%27", "/api/v1/reports/tier-distribution?run=-3",
                "/api/v1/reports/tier-distribution?run=999999", "/api/v1/reports/nope/deeper",
                "/api/v1/reports/structure?from=2011-10-01&to=2012-09-30&lang=%3Cx%3E", "/console/x.exe",
                "/console/..%2f..%2fpom.xml", "/console/codemirror/x.js", "/api/v1/dashboards/#/x")) {
            send("GET", path, null);
            payloads++;
        }
        send("POST", "/api/v1/classification-runs", "{\"asOf\": \"+99999-01-01\"}");
        send("POST", "/api/v1/imports?kind=nope", "a,b");
        send("POST", "/api/v1/rules/impact", "{\"files\": {\"x.drl\": \"package jipan.rules;\"}, \"asOf\": \"2012-09-30\", "
                + "\"sample\": -5}");
        send("POST", "/api/v1/rules/impact", "{\"files\": {\"x.drl\": \"package jipan.rules;\"}, \"asOf\": \"-1-01-01\"}");
        for (String changes : List.of("{\"changes\": [{\"file\": null}]}", "{\"changes\": \"x\"}", "[]",
                "{\"changes\": [{\"file\": \"tiers.drl\", \"type\": \"TierSettings\", \"name\": \"minVisitsForA\", "
                        + "\"value\": \"1e999\"}]}",
                "{\"changes\": [{\"file\": \"../x\", \"type\": \"\", \"name\": \"" + "n".repeat(300) + "\", \"value\": \"1\"}]}")) {
            send("POST", "/api/v1/rules/settings/changes", changes);
            payloads++;
        }
        payloads += 4;
        // a rule file or fixture without text, a null name to delete (each was a 500 once)
        for (String endpoint : List.of("/api/v1/rules/validate", "/api/v1/rules/test", "/api/v1/rules/publish")) {
            for (String change : List.of("{\"files\": {\"x.drl\": null}}", "{\"files\": {\"tiers.drl\": null}}",
                    "{\"deleted\": [null]}", "{\"files\": null, \"deleted\": null}", "{\"files\": {\"\": null}}",
                    "{\"files\": {\"x.drl\": \"package jipan.rules;\"}, \"fixtures\": {\"x.yml\": null}}",
                    "{\"files\": {\"x.drl\": \"package jipan.rules;\"}, \"deletedFixtures\": [null]}")) {
                send("POST", endpoint, change);
                payloads++;
            }
        }
        send("POST", "/api/v1/rules/impact", "{\"files\": {\"x.drl\": null}, \"asOf\": \"2012-09-30\"}");
        // query parameters given with an empty value: refused naming them, on every endpoint
        for (String path : List.of("/api/v1/reports/structure?from=2011-10-01&to=2012-09-30&by=",
                "/api/v1/reports/tier-migration?from=&to=", "/api/v1/call-lists?kind=&dueBy=", "/api/v1/call-lists?page=",
                "/api/v1/reports/churn/monthly?month=", "/api/v1/reports/churn/monthly?month=2012-09&format=",
                "/api/v1/customers/C1/classification?asOf=", "/api/v1/classification-runs?x=",
                "/api/v1/reports/growth?from=2011-10-01&to=2012-09-30&=", "/api/v1/imports?kind=")) {
            send("GET", path, null);
            payloads++;
        }
        payloads += 1;
        payloads += rawRequests();

        assertThat(payloads).isGreaterThanOrEqualTo(300);
        assertThat(refused).isGreaterThanOrEqualTo(300);
        assertThat(failures).isEmpty();
        try (var ok = APP.client().target(url("/api/v1/classify")).request()
                .post(Entity.json(TestRequests.json("spec-example.json")))) {
            assertThat(ok.getStatus()).as("the service still answers").isEqualTo(200);
        }
    }

    /** Requests no HTTP client library would send: the web server itself refuses them. */
    private int rawRequests() throws Exception {
        List<String> raw = List.of(
                "GET /api/v1/classify?" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /api/v1/reports/growth HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n",
                "GET /api/v1/../../etc/passwd HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /api/v1/%2e%2e/%2e%2e/x HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /api/v1/classify%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /api/v1/rules/versions/1;x=%ff HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "POST /api/v1/classify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 5\r\n\r\n{\"a\":");
        for (String request : raw) {
            try (Socket socket = new Socket("localhost", APP.getLocalPort())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                socket.shutdownOutput();
                InputStream in = socket.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int status = Integer.parseInt(answer.substring(9, 12));
                String body = answer.contains("\r\n\r\n") ? answer.substring(answer.indexOf("\r\n\r\n") + 4) : "";
                if (answer.toLowerCase().contains("transfer-encoding: chunked")) {
                    body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
                }
                String type = answer.lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
                        .map(line -> line.substring("content-type:".length()).strip()).findFirst().orElse(null);
                check("raw " + request.substring(0, Math.min(60, request.indexOf('\r'))), status, body.strip(), type);
            }
        }
        return raw.size();
    }
}
