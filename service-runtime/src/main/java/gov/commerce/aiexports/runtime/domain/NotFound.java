package gov.commerce.aiexports.runtime.domain;

/** No such thing, or one the caller may not know exists (HTTP 404). */
public class NotFound extends RuntimeException {

    public NotFound(String what, String id) {
        super(what + " " + id + " not found");
    }
}
