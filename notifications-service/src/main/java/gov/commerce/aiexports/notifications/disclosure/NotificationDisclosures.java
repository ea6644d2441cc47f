package gov.commerce.aiexports.notifications.disclosure;

import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.notifications.inbox.InboxEntry;
import gov.commerce.aiexports.notifications.routing.Recipient;
import gov.commerce.aiexports.notifications.routing.RoutingRules;
import gov.commerce.aiexports.runtime.disclosure.AuditedReads;
import gov.commerce.aiexports.runtime.disclosure.DisclosureRecorder;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * notifications-service's part of the account of disclosure. An inbox entry's text is fixed when it
 * is routed; of a proposal's sections only its incentive lines ever reach it (events carry no other
 * value), through the rules that name a line. So reading an entry of such a rule, addressed to
 * someone outside the consortium, whose text holds no withheld marker, and whose proposal marks its
 * incentives, is a read of the incentives section. Auditors' /audit reads here use the marking this
 * service has learnt of each proposal.
 */
@Singleton
public class NotificationDisclosures extends AuditedReads {

    /** The rules whose text names an incentive line's values (RoutingRules.line). */
    static final Set<String> LINE_RULES = Set.of(RoutingRules.LINE_ROUTED_TO_AGENCY.name(), RoutingRules.LINE_ROUTED_TO_APPLICANT.name(),
            RoutingRules.BOARD_APPROVAL.name(), RoutingRules.INCENTIVE_APPROVAL.name(), RoutingRules.INCENTIVE_DEOBLIGATION.name(),
            RoutingRules.DISBURSEMENT.name(), RoutingRules.LINE_CANCELLED.name(), RoutingRules.LINE_FLAGGED_FOR_DEOBLIGATION.name());

    @Inject
    ProposalFactsStore facts;
    @Inject
    RequestContext request;

    /** Accounts for the entries of one answer (the request's caller reads them). */
    public void inboxRead(List<InboxEntry> entries, String path) {
        Caller caller = null;
        for (InboxEntry e : entries) {
            if (e.proposalId() == null || e.rule() == null || !LINE_RULES.contains(e.rule())
                    || e.recipient().type() == Recipient.Type.CONSORTIUM
                    || (String.valueOf(e.subject()) + e.body()).contains("[withheld: ")) {
                continue;
            }
            ProposalFacts f = facts.facts(e.proposalId());
            if (f.confidentialSections().contains(Sections.INCENTIVES)) {
                caller = caller == null ? request.caller() : caller;
                if (!caller.organisation().equals(f.owningOrganisation())) {
                    recorder.record(caller, e.proposalId(), List.of(Sections.INCENTIVES), path, request.correlationId());
                }
            }
        }
    }

    @Override
    protected Map<String, Set<String>> marking(Collection<String> proposalIds) {
        Map<String, Set<String>> out = new HashMap<>();
        for (String id : proposalIds) {
            if (facts.known(id).facts().owningOrganisation() != null) {
                out.put(id, facts.facts(id).confidentialSections());
            }
        }
        return out;
    }
}
