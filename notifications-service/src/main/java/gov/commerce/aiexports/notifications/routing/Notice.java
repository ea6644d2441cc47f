package gov.commerce.aiexports.notifications.routing;

/** Something to tell one recipient, and the routing rule that decided it (kept in the event, for auditors). */
public record Notice(String rule, Recipient recipient, String proposalId, String subject, String body) {
}
