package gov.commerce.aiexports.runtime.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * The target of a command as its annotations say; its expected version, when the command does
 * not carry one itself, from the request's If-Match (metadata {@code expectedVersionOf} and
 * {@code expectedVersion}), for a command to that very aggregate only. Axon then refuses the
 * command's events if the aggregate moved past that version meanwhile.
 */
public final class ExpectedVersionResolver implements CommandTargetResolver {

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotations.resolveTarget(command);
        Object of = command.getMetaData().get(MetadataKeys.EXPECTED_VERSION_OF);
        Object version = command.getMetaData().get(MetadataKeys.EXPECTED_VERSION);
        if (target.getVersion() == null && of != null && version instanceof Number n && of.toString().equals(target.getIdentifier())) {
            return new VersionedAggregateIdentifier(target.getIdentifierValue(), n.longValue());
        }
        return target;
    }
}
