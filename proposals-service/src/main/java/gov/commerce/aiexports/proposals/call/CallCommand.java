package gov.commerce.aiexports.proposals.call;

import gov.commerce.aiexports.proposals.call.CallEvent.CallTerms;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands on a call; those that judge its dates carry the instant they are judged at (the service's clock). */
public sealed interface CallCommand {

    record DraftCall(@TargetAggregateIdentifier String callId, CallTerms terms, Instant now) implements CallCommand {
    }

    record PublishCall(@TargetAggregateIdentifier String callId, Instant now) implements CallCommand {
    }

    record AmendCall(@TargetAggregateIdentifier String callId, CallTerms terms, String modificationComment, Instant now) implements CallCommand {
    }

    record CloseCall(@TargetAggregateIdentifier String callId) implements CallCommand {
    }

    record ArchiveCall(@TargetAggregateIdentifier String callId) implements CallCommand {
    }
}
