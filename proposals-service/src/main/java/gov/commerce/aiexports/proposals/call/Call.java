package gov.commerce.aiexports.proposals.call;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.commerce.aiexports.proposals.call.CallCommand.ArchiveCall;
import gov.commerce.aiexports.proposals.call.CallCommand.CloseCall;
import gov.commerce.aiexports.proposals.call.CallCommand.DraftCall;
import gov.commerce.aiexports.proposals.call.CallCommand.PublishCall;
import gov.commerce.aiexports.proposals.call.CallEvent.CallTerms;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.domain.Violations;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A call for proposals: drafted, published (open from opensAt to closesAt plus grace), closed, archived. */
public class Call {

    @AggregateIdentifier
    private String callId;
    private CallStatus status;
    private CallTerms terms;
    private int version;

    protected Call() {
    }

    @CommandHandler
    public Call(DraftCall command) {
        Violations.invalidIfAny(CallTermsPolicies.check(command.terms(), command.now()));
        apply(new CallEvent.Drafted(command.callId(), command.terms()));
    }

    @CommandHandler
    void handle(PublishCall command) {
        if (status != CallStatus.DRAFT) {
            throw new StateConflict("CALL_NOT_DRAFT", "only a draft call can be published; this one is " + status);
        }
        if (!terms.closesAt().isAfter(command.now())) {
            throw new StateConflict("CALL_CLOSING_PASSED", "/closesAt",
                    "the call's closing date " + terms.closesAt() + " has passed: amend it before publishing");
        }
        apply(new CallEvent.Published(callId, terms, 1));
    }

    @CommandHandler
    void handle(CallCommand.AmendCall command) {
        if (status != CallStatus.DRAFT && status != CallStatus.PUBLISHED) {
            throw new StateConflict("CALL_NOT_AMENDABLE", "a " + status + " call cannot be amended");
        }
        Violations.invalidIfAny(CallTermsPolicies.checkModificationComment(command.modificationComment()));
        Violations.invalidIfAny(CallTermsPolicies.check(command.terms(), command.now()));
        apply(new CallEvent.Amended(callId, command.terms(), version + 1, command.modificationComment()));
    }

    @CommandHandler
    void handle(CloseCall command) {
        if (status != CallStatus.PUBLISHED) {
            throw new StateConflict("CALL_NOT_PUBLISHED", "only a published call can be closed; this one is " + status);
        }
        apply(new CallEvent.Closed(callId));
    }

    @CommandHandler
    void handle(ArchiveCall command) {
        if (status != CallStatus.CLOSED) {
            throw new StateConflict("CALL_NOT_CLOSED", "only a closed call can be archived; this one is " + status);
        }
        apply(new CallEvent.Archived(callId));
    }

    @EventSourcingHandler
    void on(CallEvent.Drafted event) {
        callId = event.callId();
        terms = event.terms();
        status = CallStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(CallEvent.Published event) {
        status = CallStatus.PUBLISHED;
        version = event.version();
    }

    @EventSourcingHandler
    void on(CallEvent.Amended event) {
        terms = event.terms();
        version = event.version();
    }

    @EventSourcingHandler
    void on(CallEvent.Closed event) {
        status = CallStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(CallEvent.Archived event) {
        status = CallStatus.ARCHIVED;
    }
}
