package jipan.resources;

import jakarta.ws.rs.core.Response;
import jipan.reports.ReportParameterException;

/** What the report and call-list downloads share: the header language and the CSV answer itself. */
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

    /** A CSV text as a download named {@code fileName}. */
    static Response csv(String text, String fileName) {
        return Response.ok(text, CSV).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
