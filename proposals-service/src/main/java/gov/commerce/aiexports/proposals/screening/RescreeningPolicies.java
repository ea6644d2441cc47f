package gov.commerce.aiexports.proposals.screening;

import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.proposals.proposal.ProposalContent;
import gov.commerce.aiexports.proposals.proposal.SubmissionContext;
import gov.commerce.aiexports.proposals.proposal.SubmissionPolicies;
import gov.commerce.aiexports.runtime.domain.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a new version of the country-group list changes in the screening of a proposal's targets:
 * the target checks of submission (TARGET_EMBARGOED, TARGET_COUNTRY_GROUP_D) run under both versions, and each finding that
 * appears, changes or goes away is reported, citing both versions. A target now embargoed keeps its
 * code TARGET_EMBARGOED (the proposal is not refused after the fact: Commerce decides);
 * SCREENING_FINDING_LIFTED says a finding no longer applies.
 */
public final class RescreeningPolicies {

    public static final String LIFTED = "SCREENING_FINDING_LIFTED";

    private RescreeningPolicies() {
    }

    public static List<ScreeningFlag> changes(ProposalContent content, CountryGroups before, CountryGroups after) {
        Map<String, ScreeningFlag> was = findings(content, before);
        Map<String, ScreeningFlag> now = findings(content, after);
        String versions = " (list " + before.version() + " → " + after.version() + ")";
        List<ScreeningFlag> out = new ArrayList<>();
        for (Map.Entry<String, ScreeningFlag> e : now.entrySet()) {
            ScreeningFlag previous = was.get(e.getKey());
            ScreeningFlag f = e.getValue();
            if (previous == null) {
                out.add(new ScreeningFlag(f.code(), f.field(), f.detail() + "; not found under " + before.version() + versions));
            } else if (!sameGroups(previous.detail(), f.detail(), before.version(), after.version())) {
                out.add(new ScreeningFlag(f.code(), f.field(), f.detail() + "; was: " + previous.detail() + versions));
            }
        }
        for (Map.Entry<String, ScreeningFlag> e : was.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                ScreeningFlag f = e.getValue();
                out.add(new ScreeningFlag(LIFTED, f.field(), f.code() + " no longer applies: " + f.detail() + versions));
            }
        }
        return out;
    }

    /** Refusals and flags of the target checks, by code and field. */
    private static Map<String, ScreeningFlag> findings(ProposalContent content, CountryGroups groups) {
        SubmissionContext targetsOnly = new SubmissionContext(true, Set.of(), Set.of(), groups, Instant.EPOCH);
        List<Violation> refusals = SubmissionPolicies.checkTargetCountries(content, targetsOnly);
        List<ScreeningFlag> flags = SubmissionPolicies.flagTargetCountries(content, targetsOnly);
        Map<String, ScreeningFlag> out = new LinkedHashMap<>();
        refusals.forEach(v -> out.put(v.rule() + " " + v.field(), new ScreeningFlag(v.rule(), v.field(), v.detail())));
        flags.forEach(f -> out.put(f.code() + " " + f.field(), f));
        return out;
    }

    /** The same finding under both versions when its detail differs only by the version it cites. */
    private static boolean sameGroups(String before, String after, String beforeVersion, String afterVersion) {
        return before.replace(beforeVersion, "").equals(after.replace(afterVersion, ""));
    }
}
