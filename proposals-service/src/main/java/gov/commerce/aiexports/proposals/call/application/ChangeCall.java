package gov.commerce.aiexports.proposals.call.application;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.proposals.call.CallCommand;
import gov.commerce.aiexports.proposals.call.CallEvent;
import gov.commerce.aiexports.proposals.call.CallQueries;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Commerce changes a call: publishes, amends, closes or archives it. Each takes the same steps (the
 * call as Commerce sees it, its version against If-Match, the command), written once.
 */
@Singleton
public class ChangeCall {

    /** Changed fields replace the current terms; unchanged fields may be left out. */
    public record AmendmentRequest(String title, String description, Instant opensAt, Instant closesAt, Integer gracePeriodHours,
            List<Instrument> instruments, List<String> requiredAgencies, String modificationComment) {
    }

    @Inject
    CallQueries calls;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    public void publish(String id, String ifMatch) {
        checked(id, ifMatch);
        commands.send(new CallCommand.PublishCall(id, clock.instant()));
    }

    public void close(String id, String ifMatch) {
        checked(id, ifMatch);
        commands.send(new CallCommand.CloseCall(id));
    }

    public void archive(String id, String ifMatch) {
        checked(id, ifMatch);
        commands.send(new CallCommand.ArchiveCall(id));
    }

    public void amend(String id, String ifMatch, AmendmentRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        CallEvent.CallTerms t = calls.visible(request.caller(), id).terms();
        // an amendment replaces terms read before: made on another version than that read, it would undo a change unseen
        preconditions.check(ifMatch, id, true);
        CallEvent.CallTerms amended = new CallEvent.CallTerms(
                body.title() != null ? body.title() : t.title(), t.fiscalYear(),
                body.description() != null ? body.description() : t.description(),
                body.opensAt() != null ? body.opensAt() : t.opensAt(),
                body.closesAt() != null ? body.closesAt() : t.closesAt(),
                body.gracePeriodHours() != null ? body.gracePeriodHours() : t.gracePeriodHours(),
                body.instruments() != null ? body.instruments() : t.instruments(),
                body.requiredAgencies() != null ? body.requiredAgencies() : t.requiredAgencies());
        commands.send(new CallCommand.AmendCall(id, amended, body.modificationComment(), clock.instant()));
    }

    private void checked(String id, String ifMatch) {
        preconditions.check(ifMatch, calls.visible(request.caller(), id).id(), false);
    }
}
