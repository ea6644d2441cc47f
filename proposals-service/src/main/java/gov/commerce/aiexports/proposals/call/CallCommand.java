package gov.commerce.aiexports.proposals.call;

import gov.commerce.aiexports.proposals.call.CallEvent.CallTerms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface CallCommand {

    record DraftCall(@TargetAggregateIdentifier String callId, CallTerms terms) implements CallCommand {
    }

    record PublishCall(@TargetAggregateIdentifier String callId) implements CallCommand {
    }

    record AmendCall(@TargetAggregateIdentifier String callId, CallTerms terms, String modificationComment) implements CallCommand {
    }

    record CloseCall(@TargetAggregateIdentifier String callId) implements CallCommand {
    }

    record ArchiveCall(@TargetAggregateIdentifier String callId) implements CallCommand {
    }
}
