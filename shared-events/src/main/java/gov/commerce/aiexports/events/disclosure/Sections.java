package gov.commerce.aiexports.events.disclosure;

import java.util.List;

/**
 * The sections of a proposal's content an applicant may mark business-confidential, by name. A name
 * is also the section's place in the content: "stack.hardware" is {@code /stack/hardware}.
 */
public final class Sections {

    public static final String SUMMARY = "summary";
    public static final String STACK = "stack";
    public static final String TARGETS = "targets";
    public static final String BUSINESS_MODEL = "businessModel";
    public static final String INCENTIVES = "incentives";

    /** Every markable section, in the order of the content. */
    public static final List<String> ALL = List.of(SUMMARY, STACK, "stack.hardware", "stack.dataPipelines", "stack.models",
            "stack.security", "stack.applications", TARGETS, BUSINESS_MODEL, INCENTIVES);

    /** What a financing decision needs (PRODUCT.md §7): EDAG and the financing agencies may see these, nothing else. */
    public static final List<String> FINANCING = List.of(INCENTIVES, BUSINESS_MODEL, TARGETS);

    private Sections() {
    }

    /** The JSON pointer of a section within the content. */
    public static String pointer(String section) {
        return "/" + section.replace('.', '/');
    }
}
