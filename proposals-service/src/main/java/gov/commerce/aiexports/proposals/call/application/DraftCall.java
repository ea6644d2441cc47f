package gov.commerce.aiexports.proposals.call.application;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.proposals.call.CallCommand;
import gov.commerce.aiexports.proposals.call.CallEvent;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Commerce drafts a call for proposals (the five agencies review, unless it names others). */
@Singleton
public class DraftCall {

    public record DraftCallRequest(String title, Integer fiscalYear, String description, Instant opensAt, Instant closesAt,
            Integer gracePeriodHours, List<Instrument> instruments, List<String> requiredAgencies) {
    }

    @Inject
    Commands commands;
    @Inject
    Clock clock;

    /** Returns the new call's id. */
    public String draft(DraftCallRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        String id = UUID.randomUUID().toString();
        commands.send(new CallCommand.DraftCall(id, new CallEvent.CallTerms(body.title(),
                body.fiscalYear() == null ? 0 : body.fiscalYear(), body.description(), body.opensAt(), body.closesAt(),
                body.gracePeriodHours() == null ? 0 : body.gracePeriodHours(), body.instruments(),
                body.requiredAgencies() == null ? List.of("COMMERCE", "STATE", "DEFENSE", "ENERGY", "OSTP") : body.requiredAgencies()),
                clock.instant()));
        return id;
    }
}
