package gov.commerce.aiexports.notifications.delivery;

/** What one try of a delivery came to. {@code error} never contains a secret. */
public record Outcome(boolean delivered, Integer statusCode, String error) {

    public static Outcome delivered(Integer statusCode) {
        return new Outcome(true, statusCode, null);
    }

    public static Outcome failed(Integer statusCode, String error) {
        return new Outcome(false, statusCode, error);
    }
}
