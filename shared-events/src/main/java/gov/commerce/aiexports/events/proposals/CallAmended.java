package gov.commerce.aiexports.events.proposals;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;
import java.util.List;

/** A published call changed: applicants are told (the new terms, the version and why). */
@EventContract(type = "CallAmended", version = 1, producer = "proposals-service")
public record CallAmended(
        String callId,
        String title,
        int fiscalYear,
        Instant opensAt,
        Instant closesAt,
        int gracePeriodHours,
        List<Instrument> instruments,
        List<String> requiredAgencies,
        int callVersion,
        String modificationComment) implements IntegrationPayload {

    @Override
    public String proposalId() {
        return null;
    }
}
