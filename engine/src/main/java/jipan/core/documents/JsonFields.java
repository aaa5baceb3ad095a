package jipan.core.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jipan.core.Limits;

/**
 * Reads the fields of one JSON object, recording every problem under its JSON path instead of stopping at
 * the first, so a client sees all that is wrong with a request at once. A field that is absent or
 * {@code null} is "not given"; fields nobody reads are ignored.
 */
final class JsonFields {
    private final JsonNode object;
    private final String path;
    private final List<String> problems;

    JsonFields(JsonNode object, String path, List<String> problems) {
        this.object = object;
        this.path = path;
        this.problems = problems;
    }

    String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    void problem(String field, String message) {
        problems.add(path(field) + ": " + message);
    }

    private JsonNode given(String field, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        return value;
    }

    /** Text of at most {@code maxLength} characters (the store's column), or null when not given. */
    String text(String field, boolean required, int maxLength) {
        String text = text(field, required);
        String tooLong = Limits.lengthProblem(text, maxLength);
        if (tooLong != null) {
            problem(field, tooLong);
            return null;
        }
        return text;
    }

    private String text(String field, boolean required) {
        JsonNode value = given(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            problem(field, "must be a string");
            return null;
        }
        String text = value.asText().strip();
        if (required && text.isEmpty()) {
            problem(field, "must not be blank");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    LocalDate date(String field, boolean required) {
        JsonNode value = given(field, required);
        if (value == null) {
            return null;
        }
        try {
            if (value.isTextual()) {
                return Limits.parseDate(value.asText());
            }
        } catch (IllegalArgumentException e) {
            problem(field, e.getMessage());
            return null;
        }
        problem(field, "must be a date YYYY-MM-DD (got " + value + ")");
        return null;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
        JsonNode value = given(field, required);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (value.isTextual() && constant.name().equals(value.asText())) {
                return constant;
            }
        }
        problem(field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")) + " (got " + value + ")");
        return null;
    }

    BigDecimal nonNegativeDecimal(String field) {
        JsonNode value = given(field, false);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            problem(field, "must be a number (got " + value + ")");
            return null;
        }
        BigDecimal number = value.decimalValue();
        String problem = Limits.amountProblem(number);
        if (problem != null) {
            problem(field, problem);
            return null;
        }
        return number;
    }

    /** An integer within {@code [min, max]}, or null when not given. */
    Integer integer(String field, int min, int max) {
        JsonNode value = given(field, false);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            problem(field, "must be a whole number (got " + value + ")");
            return null;
        }
        int number = value.asInt();
        if (number < min || number > max) {
            problem(field, (min == 0 && max == Integer.MAX_VALUE ? "must not be negative"
                    : "must be between " + min + " and " + max) + " (got " + value + ")");
            return null;
        }
        return number;
    }

    boolean bool(String field) {
        JsonNode value = given(field, false);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            problem(field, "must be true or false (got " + value + ")");
            return false;
        }
        return value.booleanValue();
    }

    /** The objects of an array field, each with its own path; absent means empty. */
    List<JsonFields> objects(String field) {
        JsonNode value = given(field, false);
        List<JsonFields> elements = new ArrayList<>();
        if (value == null) {
            return elements;
        }
        if (!value.isArray()) {
            problem(field, "must be an array");
            return elements;
        }
        for (int i = 0; i < value.size(); i++) {
            String elementPath = path(field) + "[" + i + "]";
            if (value.get(i).isObject()) {
                elements.add(new JsonFields(value.get(i), elementPath, problems));
            } else {
                problems.add(elementPath + ": must be an object");
            }
        }
        return elements;
    }
}
