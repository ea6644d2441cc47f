package gov.commerce.aiexports.notifications.routing;

/** Something to tell one recipient. */
public record Notice(Recipient recipient, String proposalId, String subject, String body) {
}
