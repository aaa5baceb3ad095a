package jipan.core.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One QA scenario file: a classify request exactly as an integration would send it, and what must come back.
 *
 * @param name           the file's path below the fixtures directory
 * @param request        the {@code POST /api/v1/classify} body
 * @param expect         per customer id, any subset of that customer's response fields, plus
 *                       {@code rulesFired}: names of rules that must have fired for it, and
 *                       {@code reasonsInclude}: reasons ({@code rule}, {@code message}) that must be among its reasons
 * @param expectErrors   for a request that must be refused: problems that must be among the 422 errors
 * @param loadError      why the file could not be read as a fixture, or null
 */
public record Fixture(String name, JsonNode request, JsonNode expect, List<String> expectErrors, String loadError) {
}
