package gov.commerce.aiexports.proposals.proposal;

import gov.commerce.aiexports.runtime.domain.Checks;

/** What a draft needs to be stored at all (400 otherwise); the program's rules apply at submission. */
public final class ProposalInputPolicy {

    private ProposalInputPolicy() {
    }

    public static void check(ProposalContent c) {
        Checks checks = new Checks().required(c, "");
        if (c != null) {
            checks.required(c.title(), "/title");
            if (c.targets() != null) {
                for (int i = 0; i < c.targets().size(); i++) {
                    ProposalContent.Target t = c.targets().get(i);
                    checks.require(t != null && (t.country() != null) != (t.bloc() != null), "TARGET_INVALID", "/targets/" + i,
                            "a target is either a country or a bloc with countries");
                    if (t != null && t.country() != null) {
                        checks.require(t.country().matches("[A-Z]{2}"), "COUNTRY_INVALID", "/targets/" + i + "/country",
                                "an ISO 3166-1 alpha-2 code is required");
                    }
                    if (t != null && t.bloc() != null) {
                        checks.require(t.countries() != null && !t.countries().isEmpty()
                                        && t.countries().stream().allMatch(x -> x != null && x.matches("[A-Z]{2}")),
                                "COUNTRY_INVALID", "/targets/" + i + "/countries", "a bloc lists ISO 3166-1 alpha-2 codes");
                    }
                }
            }
            if (c.confidentialSections() != null) {
                for (int i = 0; i < c.confidentialSections().size(); i++) {
                    ProposalContent.ConfidentialSection s = c.confidentialSections().get(i);
                    checks.required(s == null ? null : s.section(), "/confidentialSections/" + i + "/section")
                            .required(s == null ? null : s.justification(), "/confidentialSections/" + i + "/justification");
                }
            }
        }
        checks.throwIfInvalid();
    }
}
