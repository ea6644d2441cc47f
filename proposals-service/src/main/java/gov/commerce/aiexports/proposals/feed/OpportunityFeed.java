package gov.commerce.aiexports.proposals.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.proposals.call.CallStatus;
import gov.commerce.aiexports.proposals.call.CallView;
import gov.commerce.aiexports.runtime.feed.PublicFeed;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A call for proposals as a CommonGrants opportunity (OpportunityBase, protocol 0.3): only a
 * published call that is open or not yet open (forecasted) is in the feed, never a draft or a
 * closed one. The mapping is in docs/public-feed.md.
 */
public final class OpportunityFeed {

    private OpportunityFeed() {
    }

    /** Published, and not past its closing instant plus the grace period. */
    public static boolean listed(CallView call, Instant now) {
        return CallStatus.PUBLISHED.name().equals(call.status())
                && !now.isAfter(call.closesAt().plusSeconds(3600L * call.gracePeriodHours()));
    }

    public static ObjectNode opportunity(CallView call, Instant now, Instant createdAt, Instant lastModifiedAt) {
        ObjectNode o = PublicFeed.json().createObjectNode();
        o.put("id", call.id());
        o.put("title", call.title());
        o.put("description", call.description() == null ? "" : call.description());
        boolean open = call.acceptsSubmissionsAt(now);
        ObjectNode status = o.putObject("status");
        status.put("value", open ? "open" : "forecasted");
        status.put("description", open ? "The call accepts proposals" : "The call is published and opens at " + call.opensAt());
        ObjectNode keyDates = o.putObject("keyDates");
        keyDates.set("closeDate", event("Proposals due", call.closesAt(), "Closes at " + call.closesAt() + " (UTC), with a grace period of "
                + call.gracePeriodHours() + " hours"));
        keyDates.putObject("otherDates").set("opensAt", event("Proposals accepted from", call.opensAt(), "Opens at " + call.opensAt()
                + " (UTC)"));
        o.putArray("acceptedApplicantTypes").addObject().put("value", "custom").put("customValue", "consortium")
                .put("description", "A consortium of US companies offering a full-stack AI export package (EO 14320)");
        ObjectNode custom = o.putObject("customFields");
        custom.set("fiscalYear", PublicFeed.customField("fiscalYear", "integer", call.fiscalYear(), "The fiscal year of the call"));
        custom.set("instruments", PublicFeed.customField("instruments", "array",
                call.instruments().stream().map(Enum::name).toList(), "The federal financing instruments the call offers"));
        custom.set("requiredAgencies", PublicFeed.customField("requiredAgencies", "array", call.requiredAgencies(),
                "The agencies that assess every proposal"));
        custom.set("closesAt", PublicFeed.customField("closesAt", "string", call.closesAt().toString(), "The closing instant (UTC)"));
        custom.set("gracePeriodHours", PublicFeed.customField("gracePeriodHours", "integer", call.gracePeriodHours(),
                "Hours after closing during which a submission is still accepted"));
        custom.set("callVersion", PublicFeed.customField("callVersion", "integer", call.version(), "The version of the call's terms"));
        o.put("createdAt", createdAt.toString());
        o.put("lastModifiedAt", lastModifiedAt.toString());
        return o;
    }

    private static ObjectNode event(String name, Instant at, String description) {
        ObjectNode e = PublicFeed.json().createObjectNode();
        e.put("name", name);
        e.put("eventType", "singleDate");
        e.put("date", at.atZone(ZoneOffset.UTC).toLocalDate().toString());
        e.put("description", description);
        return e;
    }
}
