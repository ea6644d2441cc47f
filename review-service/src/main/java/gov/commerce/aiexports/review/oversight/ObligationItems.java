package gov.commerce.aiexports.review.oversight;

/** The kinds of a designation's obligations an event names (itemType): not rule codes. */
public final class ObligationItems {

    public static final String CONDITION = "CONDITION";
    public static final String MILESTONE = "MILESTONE";
    public static final String PROGRESS_REPORT = "PROGRESS_REPORT";

    private ObligationItems() {
    }
}
