package gov.commerce.aiexports.proposals.proposal;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.UsdAmount;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.proposals.screening.IsoCountries;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.Violation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a draft needs to be stored at all (400 otherwise); the program's rules apply at submission.
 * A draft may be incomplete, but what it does say must make sense: TITLE required, TARGET_INVALID,
 * COUNTRY_INVALID, PERCENT_INVALID, INCENTIVE_AMOUNT_INVALID, TENOR_INVALID, SECTION_UNKNOWN. A response
 * to an information request names the open request (INFORMATION_REQUEST_UNKNOWN) and says something.
 */
public final class ProposalInputPolicies {

    /** The sections an applicant may mark confidential: the content's own parts. */
    public static final Set<String> CONFIDENTIAL_SECTIONS = Set.copyOf(Sections.ALL);
    /** Longest repayment term accepted for a credit line, in years. */
    public static final int MAX_TENOR_YEARS = 40;

    private ProposalInputPolicies() {
    }

    /** INFORMATION_REQUEST_UNKNOWN (422): a response names the open information request, or none. */
    public static List<Violation> checkAnswersOpenRequest(String informationRequestId, String openInformationRequest) {
        return Violations.unless(informationRequestId == null || informationRequestId.equals(openInformationRequest),
                "INFORMATION_REQUEST_UNKNOWN", "/informationRequestId", "the open information request is " + openInformationRequest);
    }

    /** FIELD_REQUIRED (400): a response to an information request says something. */
    public static List<Violation> checkResponse(String response) {
        return Violations.unless(response != null && !response.isBlank(), "FIELD_REQUIRED", "/response", "a response is required");
    }

    /** What a draft needs (400). */
    public static List<Violation> check(ProposalContent c) {
        Checks checks = new Checks().required(c, "");
        if (c != null) {
            checks.required(c.title(), "/title");
            if (c.targets() != null) {
                for (int i = 0; i < c.targets().size(); i++) {
                    ProposalContent.Target t = c.targets().get(i);
                    checks.require(t != null && (t.country() != null) != (t.bloc() != null), "TARGET_INVALID", "/targets/" + i,
                            "a target is either a country or a bloc with countries");
                    if (t != null && t.country() != null) {
                        checks.require(IsoCountries.isCountry(t.country()), "COUNTRY_INVALID", "/targets/" + i + "/country",
                                "an ISO 3166-1 alpha-2 code is required");
                    }
                    if (t != null && t.bloc() != null) {
                        checks.require(t.countries() != null && !t.countries().isEmpty()
                                        && t.countries().stream().allMatch(IsoCountries::isCountry),
                                "COUNTRY_INVALID", "/targets/" + i + "/countries", "a bloc lists ISO 3166-1 alpha-2 codes");
                    }
                }
            }
            if (c.stack() != null && c.stack().hardware() != null && c.stack().hardware().usOriginSharePercent() != null) {
                BigDecimal share = c.stack().hardware().usOriginSharePercent();
                checks.require(share.signum() >= 0 && share.compareTo(BigDecimal.valueOf(100)) <= 0, "PERCENT_INVALID",
                        "/stack/hardware/usOriginSharePercent", "a share is a percentage from 0 to 100");
            }
            if (c.incentiveLines() != null) {
                for (int i = 0; i < c.incentiveLines().size(); i++) {
                    IncentiveLine line = c.incentiveLines().get(i);
                    if (line == null) {
                        continue;
                    }
                    checks.require(line.amountUsd() == null || UsdAmount.isValid(line.amountUsd()), "INCENTIVE_AMOUNT_INVALID",
                            "/incentives/" + i + "/amountUsd", UsdAmount.DESCRIPTION)
                            .require(line.tenorYears() == null || (line.tenorYears() >= 1 && line.tenorYears() <= MAX_TENOR_YEARS),
                                    "TENOR_INVALID", "/incentives/" + i + "/tenorYears",
                                    "a tenor is from 1 to " + MAX_TENOR_YEARS + " years");
                }
            }
            if (c.confidentialSections() != null) {
                for (int i = 0; i < c.confidentialSections().size(); i++) {
                    ProposalContent.ConfidentialSection s = c.confidentialSections().get(i);
                    checks.required(s == null ? null : s.section(), "/confidentialSections/" + i + "/section")
                            .require(s == null || s.section() == null || CONFIDENTIAL_SECTIONS.contains(s.section()), "SECTION_UNKNOWN",
                                    "/confidentialSections/" + i + "/section", "a section is one of " + new TreeSet<>(CONFIDENTIAL_SECTIONS))
                            .required(s == null ? null : s.justification(), "/confidentialSections/" + i + "/justification");
                }
            }
        }
        return checks.violations();
    }
}
