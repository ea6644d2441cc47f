package gov.commerce.aiexports.events;

/** One topic per producing service. Keys are proposal ids, so one proposal's events stay in one partition. */
public final class Topics {
    public static final String PROPOSALS = "proposals.events";
    public static final String REVIEW = "review.events";
    public static final String INCENTIVES = "incentives.events";
    public static final String NOTIFICATIONS = "notifications.events";
    /** Every service's signed checkpoints of its audit hash chain, keyed by the service's name: the anchor outside its database. */
    public static final String AUDIT_CHECKPOINTS = "audit.checkpoints";

    private Topics() {
    }

    public static String of(String producer) {
        return switch (producer) {
            case "proposals-service" -> PROPOSALS;
            case "review-service" -> REVIEW;
            case "incentives-service" -> INCENTIVES;
            case "notifications-service" -> NOTIFICATIONS;
            default -> throw new IllegalArgumentException("unknown producer " + producer);
        };
    }

    /** Where a consuming service puts the records it cannot read, with the reason in headers. */
    public static String deadLetterOf(String consumer) {
        return consumer + ".dead-letter";
    }
}
