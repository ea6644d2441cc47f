package gov.commerce.aiexports.events.proposals;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;
import java.util.List;

@EventContract(type = "CallPublished", version = 1, producer = "proposals-service")
public record CallPublished(
        String callId,
        String title,
        int fiscalYear,
        Instant opensAt,
        Instant closesAt,
        int gracePeriodHours,
        List<Instrument> instruments,
        List<String> requiredAgencies,
        int callVersion) implements IntegrationPayload {

    @Override
    public String proposalId() {
        return null;
    }
}
