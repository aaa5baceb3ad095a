package jipan.openapi;

import com.fasterxml.jackson.databind.JsonNode;

/** The contract's example request, for tests outside this package. */
public final class OpenApiDocumentAccess {
    private OpenApiDocumentAccess() {
    }

    public static JsonNode exampleRequest() {
        return OpenApiDocument.exampleRequest();
    }
}
