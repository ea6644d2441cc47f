package gov.commerce.aiexports.events.disclosure;

import java.util.Set;

/**
 * What the disclosure rule needs to know of a proposal: whose it is, whether it is still a draft or
 * designated, the agencies its call requires, the financing agencies its incentive requests are
 * routed to, and which sections its consortium marked confidential. Never the values themselves.
 */
public record ProposalFacts(String owningOrganisation, boolean draft, boolean designated, Set<String> requiredAgencies,
        Set<String> routedAgencies, Set<String> confidentialSections) {

    public ProposalFacts {
        requiredAgencies = requiredAgencies == null ? Set.of() : Set.copyOf(requiredAgencies);
        routedAgencies = routedAgencies == null ? Set.of() : Set.copyOf(routedAgencies);
        confidentialSections = confidentialSections == null ? Set.of() : Set.copyOf(confidentialSections);
    }

    /** Whether a section is confidential: marked itself, or inside a marked section ("stack" covers "stack.models"). */
    public boolean confidential(String section) {
        for (String marked : confidentialSections) {
            if (section.equals(marked) || section.startsWith(marked + ".")) {
                return true;
            }
        }
        return false;
    }
}
