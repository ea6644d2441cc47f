package gov.commerce.aiexports.notifications.routing;

import java.util.List;

/** What the routing rules may look up besides the event itself. Implemented on the read models; stubbed in unit tests. */
public interface Directory {

    /**
     * The consortia (anchor member UEIs) this service knows: those that submitted a proposal or
     * registered a contact. No other service announces consortia or drafts, so these are the
     * applicants it can reach about a call.
     */
    List<String> knownConsortia();
}
