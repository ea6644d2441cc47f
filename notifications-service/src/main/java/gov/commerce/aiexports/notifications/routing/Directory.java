package gov.commerce.aiexports.notifications.routing;

import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import java.util.List;

/** What the routing rules may look up besides the event itself. Implemented on the read models; stubbed in unit tests. */
public interface Directory {

    /**
     * The consortia (anchor member UEIs) this service knows: those that submitted a proposal or
     * registered a contact. No other service announces consortia or drafts, so these are the
     * applicants it can reach about a call.
     */
    List<String> knownConsortia();

    /**
     * What the disclosure rule needs to know of a proposal (learnt from the integration events so
     * far, this one included); a proposal not known withholds every confidential section.
     */
    ProposalFacts facts(String proposalId);
}
