package gov.commerce.aiexports.notifications.delivery.application;

import gov.commerce.aiexports.notifications.delivery.DeliveryCommand;
import gov.commerce.aiexports.notifications.delivery.DeliveryQueries;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Puts a failed or dead-lettered delivery back in the queue, due now, with a fresh retry budget. */
@Singleton
public class Redeliver {

    @Inject
    DeliveryQueries deliveries;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    public void redeliver(String id, String ifMatch) {
        deliveries.existing(id);
        preconditions.check(ifMatch, id, false);
        commands.send(new DeliveryCommand.Redeliver(id, clock.instant()));
    }
}
