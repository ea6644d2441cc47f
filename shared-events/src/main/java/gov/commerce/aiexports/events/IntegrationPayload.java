package gov.commerce.aiexports.events;

/** Marker for the payload records that cross service boundaries. Each carries an {@link EventContract}. */
public interface IntegrationPayload {

    /** The proposal the event concerns, used as the Kafka key so each proposal's events stay in order. */
    String proposalId();
}
