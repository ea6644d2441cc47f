package gov.commerce.aiexports.review.oversight;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.runtime.axon.UnrevisedEventUpcaster;

/** ProgressReportFiled revision 1 (no revision stored) to 2: a report filed before documents could be attached points to none. */
public class ProgressReportFiledUpcaster extends UnrevisedEventUpcaster {

    public ProgressReportFiledUpcaster() {
        super(OversightEvent.ProgressReportFiled.class, "2");
    }

    @Override
    protected ObjectNode upcast(ObjectNode event) {
        if (!event.has("documentIds")) {
            event.putArray("documentIds");
        }
        return event;
    }
}
