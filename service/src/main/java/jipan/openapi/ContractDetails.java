package jipan.openapi;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jipan.api.Problem;
import jipan.reports.ReportColumns;
import jipan.reports.ReportDefinition;
import jipan.reports.ReportParameter;
import jipan.reports.ReportRegistry;

/**
 * What the generated document cannot read from the resource classes: each report of {@link ReportRegistry}
 * under its own path (one resource method serves them all), the error answers of every operation (RFC 9457
 * problems, when each status happens as the README's Errors section says) and the contract's example request
 * and answer on {@code POST /api/v1/classify}.
 */
final class ContractDetails {
    private static final String PROBLEM = "#/components/schemas/Problem";
    /**
     * Operations that answer 409: a candidate rule set the gate refused, a run already running for a date, a run
     * another instance is doing.
     */
    private static final Set<String> CONFLICTS = Set.of("POST /api/v1/rules/publish", "POST /api/v1/rules/reload",
            "POST /api/v1/rules/versions/{seq}/activate", "POST /api/v1/classification-runs",
            "POST /api/v1/classification-runs/{id}/resume", "POST /api/v1/imports/{id}/resume");
    /** Operations that take a batch of customers and answer 413 above the configured number. */
    private static final Set<String> BATCHES = Set.of("POST /api/v1/classify", "PUT /api/v1/customers");
    /** Operations that take an upload and answer 413 above {@code imports.maxUploadMegabytes}. */
    private static final Set<String> UPLOADS = Set.of("POST /api/v1/imports");

    private static final Months MONTHS = new Months();
    private static final Records RECORDS = new Records();

    /**
     * Teaches swagger-core the service's own spellings (a month is {@code YYYY-MM}) and notes the record each
     * schema is read from; before reading resources.
     */
    static void registerConverters() {
        for (ModelConverter converter : List.<ModelConverter>of(MONTHS, RECORDS)) {
            if (!ModelConverters.getInstance(true).getConverters().contains(converter)) {
                ModelConverters.getInstance(true).addConverter(converter);
            }
        }
    }

    /** Notes which record each schema was read from: its primitive fields are never null. */
    private static final class Records implements ModelConverter {
        private final Map<String, Class<?>> byName = new ConcurrentHashMap<>();

        @Override
        public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            JavaType javaType = Json.mapper().constructType(type.getType());
            if (resolved != null && javaType != null && javaType.getRawClass().isRecord()) {
                String ref = resolved.get$ref();
                String name = resolved.getName() != null ? resolved.getName()
                        : ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
                if (name != null) {
                    byName.putIfAbsent(name, javaType.getRawClass());
                }
            }
            return resolved;
        }

        /** True when the schema's property is a record field of a primitive type (int, long, boolean, double …). */
        boolean primitive(String schema, String property) {
            Class<?> record = byName.get(schema);
            if (record == null) {
                return false;
            }
            for (RecordComponent component : record.getRecordComponents()) {
                if (component.getName().equals(property)) {
                    return component.getType().isPrimitive();
                }
            }
            return false;
        }
    }

    private ContractDetails() {
    }

    /** A month ({@code YearMonth}) is written as its text {@code YYYY-MM}, not as an object. */
    private static final class Months implements ModelConverter {
        @Override
        public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            JavaType javaType = Json.mapper().constructType(type.getType());
            if (javaType != null && javaType.getRawClass() == YearMonth.class) {
                return new JsonSchema().types(Set.of("string")).pattern("^[0-9]{4}-[0-9]{2}$")
                        .description("a month, YYYY-MM");
            }
            return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        }
    }

    static void complete(OpenAPI api, JsonNode exampleRequest, JsonNode exampleAnswer) {
        schemas(api, Problem.class);
        reports(api);
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                errors(method + " " + path, operation, path.contains("{") || path.startsWith("/api/v1/reports/"))));
        nullableFields(api);
        Operation classify = api.getPaths().get("/api/v1/classify").getPost();
        classify.getRequestBody().getContent().get("application/json").addExamples("contract", new Example()
                .summary("the contract's example request").value(exampleRequest));
        classify.getResponses().get("200").getContent().get("application/json").addExamples("contract", new Example()
                .summary("what the live rules answer to the example request").value(exampleAnswer));
    }

    /**
     * A field of an answer may be null (a value no rule decided, a run without an error, a parameter without a
     * default): the schemas say so — except a record's fields of a primitive type (a count, a flag, a score),
     * which always have a value.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void nullableFields(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
            Schema<?> schema = entry.getValue();
            if (schema.getProperties() == null) {
                continue;
            }
            Map<String, Schema> properties = (Map) schema.getProperties();
            properties.replaceAll((name, property) -> {
                if (RECORDS.primitive(entry.getKey(), name)) {
                    return property;
                }
                if (property.get$ref() != null) {
                    return new JsonSchema().anyOf(List.of(new JsonSchema().$ref(property.get$ref()),
                            new JsonSchema().types(Set.of("null"))));
                }
                if (property.getTypes() != null && !property.getTypes().isEmpty()) {
                    Set<String> types = new LinkedHashSet<>(property.getTypes());
                    types.add("null");
                    property.setTypes(types);
                    if (property.getEnum() != null && !property.getEnum().contains(null)) {
                        property.getEnum().add(null);
                    }
                }
                return property;
            });
        }
    }

    /** The schemas of a type and of the types it refers to, in the components. */
    private static void schemas(OpenAPI api, Class<?> type) {
        Map<String, Schema> schemas = ModelConverters.getInstance(true).readAll(new AnnotatedType(type));
        schemas.forEach(api.getComponents()::addSchemas);
    }

    private static void reports(OpenAPI api) {
        for (ReportDefinition report : ReportRegistry.ALL) {
            schemas(api, report.rowType());
            Schema<?> row = new JsonSchema().$ref("#/components/schemas/" + report.rowType().getSimpleName());
            Schema<?> answer = report.single() ? row : new JsonSchema().types(Set.of("array")).items(row);
            List<Parameter> parameters = new ArrayList<>();
            report.parameters().forEach(parameter -> parameters.add(new Parameter().in("query").name(parameter.name())
                    .required(parameter.required()).description(parameter.help() + " · " + parameter.helpZh())
                    .schema(schema(parameter))));
            parameters.add(new Parameter().in("query").name("format").description("json (default), csv (a download; "
                    + "also with Accept: text/csv) or xlsx (an Excel workbook, one sheet named after the report)")
                    .schema(choices(List.of("json", "csv", "xlsx"), "json")));
            parameters.add(new Parameter().in("query").name("lang").description("a download's headers (and sheet name) "
                    + "in English (en) or Chinese (zh)").schema(choices(List.of("en", "zh"), "en")));
            String columns = report.columns().stream().map(column -> column + " (" + ReportColumns.chinese(column)
                    + (ReportColumns.isPercent(column) ? ", a ratio 0..1" : "") + ")").collect(Collectors.joining(", "));
            Operation operation = new Operation()
                    .operationId("report" + camel(report.name()))
                    .summary(report.title() + " · " + report.titleZh())
                    .description(report.description() + "\n\n" + report.descriptionZh() + "\n\nColumns: " + columns
                            + (report.totalColumns().isEmpty()
                            ? "" : ". The CSV ends with a totals row of " + String.join(", ", report.totalColumns()))
                            + ". The `report` command: `report " + report.name() + "`.")
                    .addTagsItem("reports")
                    .parameters(parameters)
                    .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("the report")
                            .content(new Content()
                                    .addMediaType("application/json", new MediaType().schema(answer))
                                    .addMediaType("text/csv", new MediaType().schema(
                                            new JsonSchema().types(Set.of("string"))
                                                    .description("UTF-8 with a byte-order mark, for Excel"))))));
            api.path("/api/v1/reports/" + report.path(), new PathItem().get(operation));
        }
    }

    private static Schema<?> schema(ReportParameter parameter) {
        return switch (parameter.kind()) {
            case DATE -> new JsonSchema().types(Set.of("string")).format("date");
            case MONTH -> new JsonSchema().types(Set.of("string")).pattern("^[0-9]{4}-[0-9]{2}$")
                    .description("YYYY-MM");
            case RUN -> new JsonSchema().types(Set.of("integer")).format("int64").minimum(BigDecimal.ONE);
            case CHOICE -> choices(parameter.choices(), parameter.defaultValue());
            case TEXT -> new JsonSchema().types(Set.of("string")).maxLength(ReportParameter.MAX_TEXT);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema<?> choices(List<String> values, String defaultValue) {
        Schema schema = new JsonSchema().types(Set.of("string"));
        values.forEach(schema::addEnumItemObject);
        return schema._default(defaultValue);
    }

    /** The problems an operation can answer, by the rules of the README's Errors section. */
    private static void errors(String operationKey, Operation operation, boolean names) {
        Map<String, String> problems = new LinkedHashMap<>();
        boolean body = operation.getRequestBody() != null;
        if (body || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            problems.put("400", "the request cannot be read: malformed JSON (with line and column), a field of the "
                    + "wrong type or unknown, a parameter missing or not of its form");
        }
        problems.put("401", "no API key, or an unknown one");
        problems.put("403", "the key's role may not call this");
        if (names) {
            problems.put("404", "no such id, run, report or path");
        }
        if (CONFLICTS.contains(operationKey)) {
            problems.put("409", "refused: a candidate rule set the gate refused (with candidateVersion, liveVersion "
                    + "and every reason), a run for that date still running, or a run or import another live instance is doing");
        }
        if (BATCHES.contains(operationKey)) {
            problems.put("413", "more customers than one request may carry");
        }
        if (UPLOADS.contains(operationKey)) {
            problems.put("413", "an upload larger than the configured limit (imports.maxUploadMegabytes)");
        }
        if (body) {
            problems.put("415", "a body of another type than application/json");
            problems.put("422", "the body is readable but wrong: every problem, each by its JSON path or "
                    + "file:line:column");
        }
        problems.put("500", "the rules gave no usable answer for a customer, or an unexpected failure (logged under "
                + "the id the answer gives)");
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse success = responses.remove("default"); // what a method returns: its 200
        if (success != null) {
            responses.addApiResponse("200", success.description("the answer"));
        }
        problems.forEach((status, description) -> {
            if (responses.get(status) == null) {
                responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                        .addMediaType(Problem.MEDIA_TYPE, new MediaType().schema(new JsonSchema().$ref(PROBLEM)))));
            }
        });
        operation.setResponses(responses);
    }

    private static String camel(String name) {
        StringBuilder camel = new StringBuilder();
        for (String part : name.split("-")) {
            camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return camel.toString();
    }
}
