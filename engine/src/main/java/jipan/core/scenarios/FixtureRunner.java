package jipan.core.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import jipan.core.Classification;
import jipan.core.Classifier;
import jipan.core.Lang;
import jipan.core.RuleTexts;
import jipan.core.RuleEvaluationException;
import jipan.core.documents.ClassifyRequest;
import jipan.core.documents.CustomerFactsReader;
import jipan.core.documents.InvalidInputException;
import jipan.core.documents.JsonSettings;

/**
 * Runs fixtures through the same request reader and classifier as {@code POST /api/v1/classify}, and compares
 * the answers as JSON, field by field, with what each fixture expects.
 */
public final class FixtureRunner {
    private static final String RULES_FIRED = "rulesFired";
    private static final String REASONS_INCLUDE = "reasonsInclude";

    private final Classifier classifier;
    private final CustomerFactsReader reader = new CustomerFactsReader();
    private final ObjectMapper json = JsonSettings.newObjectMapper();

    public FixtureRunner(Classifier classifier) {
        this.classifier = classifier;
    }

    public FixtureReport runAll(List<Fixture> fixtures) {
        List<FixtureOutcome> outcomes = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        for (Fixture fixture : fixtures) {
            FixtureOutcome outcome = run(fixture);
            outcomes.add(outcome);
            fired.addAll(outcome.firedRules());
        }
        outcomes.addAll(storeSweep(fixtures));
        SortedSet<String> neverFired = new TreeSet<>(classifier.rules().ruleNames());
        neverFired.removeAll(fired);
        return new FixtureReport(outcomes, classifier.rules().ruleNames().size(), neverFired);
    }

    /**
     * The stores with their own settings ({@link jipan.core.StoreOverrides}): every fixture's customers that name no
     * store are classified again as each such store's customers. Their expectations are the group's, so only what
     * makes no answer at all counts — two tiers at once, a rule that runs away — each a failed outcome naming the
     * store: a store's values that contradict each other never go live.
     */
    private List<FixtureOutcome> storeSweep(List<Fixture> fixtures) {
        List<FixtureOutcome> failed = new ArrayList<>();
        for (String store : new TreeSet<>(classifier.rules().storeBases().keySet())) {
            for (Fixture fixture : fixtures) {
                if (fixture.loadError() != null || !fixture.expectErrors().isEmpty()) {
                    continue;
                }
                ClassifyRequest request;
                try {
                    request = reader.readClassifyRequest(fixture.request());
                } catch (InvalidInputException refused) {
                    continue; // reported by its own run
                }
                List<jipan.core.CustomerFacts> inStore = request.customers().stream()
                        .filter(c -> c.customer().getStore() == null)
                        .map(c -> c.inStore(store))
                        .toList();
                try {
                    classifier.classify(request.asOf(), inStore);
                } catch (RuleEvaluationException e) {
                    failed.add(new FixtureOutcome(fixture.name() + " (store " + store + ")",
                            List.of("rule error with store " + store + "'s own settings: " + e.getMessage()), Set.of()));
                }
            }
        }
        return failed;
    }

    public FixtureOutcome run(Fixture fixture) {
        if (fixture.loadError() != null) {
            return new FixtureOutcome(fixture.name(), List.of(fixture.loadError()), Set.of());
        }
        ClassifyRequest request;
        try {
            request = reader.readClassifyRequest(fixture.request());
        } catch (InvalidInputException refused) {
            return new FixtureOutcome(fixture.name(), compareErrors(fixture, refused.errors()), Set.of());
        }
        if (!fixture.expectErrors().isEmpty()) {
            return new FixtureOutcome(fixture.name(),
                    List.of("expected the request to be refused with " + fixture.expectErrors() + ", but it was accepted"),
                    Set.of());
        }
        List<Classification> results;
        try {
            results = classifier.classify(request.asOf(), request.customers());
        } catch (RuleEvaluationException e) {
            return new FixtureOutcome(fixture.name(), List.of("rule error: " + e.getMessage()), Set.of());
        }
        List<String> differences = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        results.forEach(result -> fired.addAll(result.firedRules()));
        for (Iterator<Map.Entry<String, JsonNode>> it = fixture.expect().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> expected = it.next();
            Classification actual = results.stream()
                    .filter(result -> result.customerId().equals(expected.getKey()))
                    .findFirst().orElse(null);
            if (actual == null) {
                differences.add(expected.getKey() + ": no such customer in the request");
            } else {
                compareCustomer(expected.getKey(), expected.getValue(), actual, differences);
            }
        }
        return new FixtureOutcome(fixture.name(), differences, fired);
    }

    private void compareCustomer(String id, JsonNode expected, Classification actual, List<String> differences) {
        JsonNode actualJson = resultJson(actual);
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(RULES_FIRED)) {
                for (JsonNode rule : field.getValue()) {
                    if (!actual.firedRules().contains(rule.asText())) {
                        differences.add(id + ".rulesFired: expected '" + rule.asText() + "' to fire; fired: "
                                + new TreeSet<>(actual.firedRules()));
                    }
                }
            } else if (field.getKey().equals(REASONS_INCLUDE)) {
                for (JsonNode reason : field.getValue()) {
                    boolean found = false;
                    // a fixture may quote a reason in either language
                    for (JsonNode reasons : List.of(actualJson.get("reasons"), reasonsJson(actual, Lang.ZH))) {
                        for (JsonNode actualReason : reasons) {
                            List<String> mismatches = new ArrayList<>();
                            compare("", reason, actualReason, mismatches);
                            found |= mismatches.isEmpty();
                        }
                    }
                    if (!found) {
                        differences.add(id + ".reasons: no reason like " + reason + "; reasons: " + actualJson.get("reasons"));
                    }
                }
            } else {
                compare(id + "." + field.getKey(), field.getValue(), actualJson.get(field.getKey()), differences);
            }
        }
    }

    /**
     * A classification as the classify endpoint answers it: every field of the classification except the
     * rules that fired (which only fixtures and coverage use). The service's response record has the same
     * fields; a service test holds the two together.
     */
    public JsonNode resultJson(Classification classification) {
        return resultJson(classification, Lang.EN);
    }

    /** The same, its reasons and tasks in a language. */
    public JsonNode resultJson(Classification classification, Lang lang) {
        ObjectNode tree = json.valueToTree(classification);
        tree.remove("firedRules");
        RuleTexts texts = classifier.rules().texts();
        tree.set("followUps", json.valueToTree(classification.followUps().stream()
                .map(followUp -> texts.text(followUp, lang)).toList()));
        tree.set("reasons", reasonsJson(classification, lang));
        return tree;
    }

    private JsonNode reasonsJson(Classification classification, Lang lang) {
        RuleTexts texts = classifier.rules().texts();
        return json.valueToTree(classification.reasons().stream().map(reason -> texts.text(reason, lang)).toList());
    }

    /** Objects compare the expected keys only; arrays element by element; numbers by value. */
    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        boolean actualMissing = actual == null || actual.isNull();
        if (expected.isNull() || actualMissing) {
            if (expected.isNull() != actualMissing) {
                differences.add(path + ": expected " + expected + ", got " + (actual == null ? "no such field" : actual));
            }
        } else if (expected.isObject() && actual.isObject()) {
            expected.fields().forEachRemaining(field ->
                    compare(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), differences));
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                differences.add(path + ": expected " + expected.size() + " entries, got " + actual.size() + ": " + actual);
            } else {
                for (int i = 0; i < expected.size(); i++) {
                    compare(path + "[" + i + "]", expected.get(i), actual.get(i), differences);
                }
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                differences.add(path + ": expected " + expected + ", got " + actual);
            }
        } else if (!expected.isValueNode() || !actual.isValueNode() || !expected.asText().equals(actual.asText())) {
            differences.add(path + ": expected " + expected + ", got " + actual);
        }
    }

    private static List<String> compareErrors(Fixture fixture, List<String> errors) {
        if (fixture.expectErrors().isEmpty()) {
            return List.of("the request was refused: " + String.join("; ", errors));
        }
        List<String> differences = new ArrayList<>();
        for (String expected : fixture.expectErrors()) {
            if (!errors.contains(expected)) {
                differences.add("expected error '" + expected + "'; the errors were: " + errors);
            }
        }
        return differences;
    }
}
