package gov.commerce.aiexports.events;

/** A finding of intake screening that reviewers must see and acknowledge, e.g. TARGET_COUNTRY_GROUP_D. */
public record ScreeningFlag(String code, String field, String detail) {
}
