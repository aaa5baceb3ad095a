package jipan.reports;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One report, defined once: its name (the {@code report} command's argument), its REST path under
 * {@code /api/v1/reports/}, titles and descriptions (English and Chinese), parameters, row type, which columns
 * are percentages (ratios 0..1) and which are summed in a totals row, and the query. REST, the {@code report} command and the OpenAPI document
 * all read this definition; {@link ReportRegistry} lists them.
 */
public record ReportDefinition(String name, String path, String title, String titleZh, String description,
                               String descriptionZh,
                               List<ReportParameter> parameters, Class<? extends Record> rowType, boolean single,
                               Set<String> totalColumns, Query query) {

    /** Computes the rows of a report from checked arguments. */
    @FunctionalInterface
    public interface Query {
        List<? extends Record> run(Reports reports, ReportParameter.Arguments arguments);
    }

    /**
     * Reads and checks every parameter: {@code raw} gives a parameter's text (null when absent), {@code label}
     * how to name it in an error ({@code asOf} or {@code --as-of}).
     */
    public ReportParameter.Arguments arguments(Function<String, String> raw, Function<ReportParameter, String> label) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ReportParameter parameter : parameters) {
            values.put(parameter.name(), parameter.parse(raw.apply(parameter.name()), label.apply(parameter)));
        }
        return new ReportParameter.Arguments(values);
    }

    public List<? extends Record> run(Reports reports, ReportParameter.Arguments arguments) {
        return query.run(reports, arguments);
    }

    /** The column names: the row type's fields, in order. */
    public List<String> columns() {
        return Stream.of(rowType.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** The headers in English (the field names) or Chinese. */
    public List<String> headers(boolean chinese) {
        return ReportColumns.headers(rowType, chinese);
    }

    /** The columns that hold a ratio to show as a percentage. */
    public Set<String> percentColumns() {
        return columns().stream().filter(ReportColumns::isPercent).collect(Collectors.toCollection(
                LinkedHashSet::new));
    }

    /** The report's rows as a file's table: its title as the sheet's name, headers, ratios and totals in the language. */
    public Table table(List<? extends Record> rows, boolean chinese) {
        return new Table(chinese ? titleZh : title, rowType, headers(chinese),
                chinese ? rows.stream().map(ReportColumns::labelled).toList() : rows, percentColumns(), totalColumns(),
                chinese ? "合计" : "Total");
    }

    /** A download's file name: the report and its arguments, e.g. {@code churn-monthly_2011-02.csv}. */
    public String fileName(ReportParameter.Arguments arguments, String extension) {
        String values = arguments.values().values().stream().filter(Objects::nonNull)
                .map(Object::toString).map(text -> text.replaceAll("[^A-Za-z0-9._-]", ""))
                .collect(Collectors.joining("_"));
        return name + (values.isEmpty() ? "" : "_" + values) + "." + extension;
    }
}
