package jipan.resources;

import jakarta.ws.rs.core.HttpHeaders;
import jipan.core.Lang;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jipan.reports.Table;
import jipan.reports.ReportParameterException;
import jipan.reports.XlsxTable;

/** What the report and call-list downloads share: the format, the header language and the CSV or xlsx answer. */
final class Downloads {
    private static final String CSV = "text/csv; charset=UTF-8";

    private Downloads() {
    }

    /** Whether {@code ?lang=} asks for Chinese headers: en (the default) or zh; anything else is refused naming it. */
    static boolean chinese(String lang) {
        if (lang != null && !lang.equals("zh") && !lang.equals("en")) {
            throw new ReportParameterException("lang: must be en or zh (got '"
                    + (lang.length() > 20 ? lang.substring(0, 20) + "…" : lang) + "')");
        }
        return "zh".equals(lang);
    }

    /**
     * The language a request asks for: {@code ?lang=} (en or zh; anything else refused naming it), else the first
     * of {@code Accept-Language} jipan speaks, else English — the API's default, so integrations see no change.
     */
    public static Lang lang(String lang, HttpHeaders headers) {
        chinese(lang);
        return Lang.choose(lang, headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), Lang.EN);
    }

    /** The download formats besides JSON: {@code csv} or {@code xlsx}, null for JSON; anything else refused. */
    static String format(String format) {
        if (format == null || format.equals("json")) {
            return null;
        }
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new ReportParameterException("format: must be json, csv or xlsx (got '"
                    + (format.length() > 20 ? format.substring(0, 20) + "…" : format) + "')");
        }
        return format;
    }

    /**
     * A table as a download in {@code format} ({@code csv}, or {@code xlsx}: a workbook written as the answer
     * streams out) named {@code fileName}.
     */
    static Response rows(String format, Table table, String fileName) {
        Response.ResponseBuilder answer = format.equals("xlsx")
                ? Response.ok((StreamingOutput) table::writeXlsx, XlsxTable.MEDIA_TYPE)
                : Response.ok(table.csv(), CSV);
        return answer.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
