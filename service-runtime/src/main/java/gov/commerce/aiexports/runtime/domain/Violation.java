package gov.commerce.aiexports.runtime.domain;

/**
 * One broken rule: a stable code (e.g. {@code TARGET_EMBARGOED}), the JSON pointer of the field
 * concerned (e.g. {@code /targets/0/country}), and a sentence for people.
 */
public record Violation(String rule, String field, String detail) {
}
