package gov.commerce.aiexports.review.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.events.disclosure.Viewer;
import gov.commerce.aiexports.review.designation.DesignationView;
import gov.commerce.aiexports.runtime.feed.PublicFeed;
import java.math.BigDecimal;
import java.util.Set;

/**
 * A designated priority AI export package as a CommonGrants proposal (ProposalBase, protocol 0.3:
 * the closest of its models, a proposal the program accepted). The public reads it, so the
 * disclosure rule is applied as to the public: a section the consortium marked confidential
 * (targets, incentives; all of them for an entry that predates the marking) is left out, never
 * shown. The mapping is in docs/public-feed.md.
 */
public final class DesignationFeed {

    private static final Viewer PUBLIC = new Viewer(null, Set.of());

    private DesignationFeed() {
    }

    public static ObjectNode proposal(DesignationView d) {
        Set<String> marked = d.confidentialSections() == null ? Set.copyOf(Sections.ALL) : Set.copyOf(d.confidentialSections());
        Disclosure.Outcome outcome = Disclosure.decide(PUBLIC, new ProposalFacts(null, false, true, Set.of(), Set.of(), marked));
        ObjectNode p = PublicFeed.json().createObjectNode();
        p.put("title", d.title());
        p.put("description", "Priority AI export package " + d.number() + " (EO 14320), designated by the Department of Commerce");
        boolean incentives = outcome.shown(Sections.INCENTIVES) && d.endorsedIncentives() != null;
        if (incentives) {
            BigDecimal total = d.endorsedIncentives().stream().map(IncentiveLine::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
            p.putObject("amountRequested").put("amount", total.toPlainString()).put("currency", "USD");
        }
        ObjectNode custom = p.putObject("customFields");
        custom.set("designationNumber", PublicFeed.customField("designationNumber", "string", d.number(),
                "The designation number of the priority AI export package"));
        custom.set("designationStatus", PublicFeed.customField("designationStatus", "string", d.status(),
                "ACTIVE, SUSPENDED or REVOKED"));
        custom.set("consortium", PublicFeed.customField("consortium", "string", d.consortiumName(), "The designated consortium"));
        if (d.effectiveDate() != null) {
            custom.set("effectiveDate", PublicFeed.customField("effectiveDate", "string", d.effectiveDate().toString(),
                    "The date the designation takes effect"));
        }
        if (d.designatedAt() != null) {
            custom.set("designatedAt", PublicFeed.customField("designatedAt", "string", d.designatedAt().toString(),
                    "When Commerce designated it (UTC)"));
        }
        if (d.conditions() != null && !d.conditions().isEmpty()) {
            custom.set("conditions", PublicFeed.customField("conditions", "array", d.conditions(), "The designation's conditions"));
        }
        if (outcome.shown(Sections.TARGETS) && d.targetCountries() != null) {
            custom.set("targetCountries", PublicFeed.customField("targetCountries", "array", d.targetCountries(),
                    "ISO 3166-1 alpha-2 codes of the target countries"));
        }
        if (incentives) {
            custom.set("endorsedIncentives", PublicFeed.customField("endorsedIncentives", "array", d.endorsedIncentives(),
                    "The financing lines Commerce endorsed"));
        }
        if (d.revocation() != null) {
            custom.set("revocation", PublicFeed.customField("revocation", "object", d.revocation(), "The revocation's cause and date"));
        }
        return p;
    }
}
