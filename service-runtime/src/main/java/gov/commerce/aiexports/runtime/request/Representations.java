package gov.commerce.aiexports.runtime.request;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * Reports answer JSON by default and CSV to {@code Accept: text/csv}, as a download: the choice,
 * written once for every report and export.
 */
public final class Representations {

    public static final String CSV = "text/csv";

    private Representations() {
    }

    /** The caller accepts CSV (any text/csv in Accept, whatever its parameters). */
    public static boolean wantsCsv(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("csv"));
    }

    /** The report as CSV (an attachment named filename) or as JSON; the caller may add headers before build(). */
    public static Response.ResponseBuilder csvOrJson(HttpHeaders headers, Object json, Supplier<String> csv, String filename) {
        if (wantsCsv(headers)) {
            return Response.ok(csv.get(), CSV).header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        }
        return Response.ok(json, MediaType.APPLICATION_JSON);
    }
}
