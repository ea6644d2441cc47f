package gov.commerce.aiexports.incentives.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.incentives.disclosure.IncentivesDisclosure;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.domain.Violations;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.paging.Slice;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.OrganisationScope;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every read of incentive request lines: lists, one line, the line as a caller may see it, whom it is routed to. */
@Singleton
public class IncentiveRequestQueries {

    /** By designation, then line number, then id: a stable order for the cursor. */
    static final Keyset ORDER = Keyset.named("designation").asc("coalesce(designation_number, '')").asc("coalesce((doc->>'lineNumber')::int, 0)", "int")
            .asc("id").build();

    /** The list's filters, each already checked (null: any). */
    public record Filter(String designation, String status, String agency) {
    }

    @Inject
    Documents documents;
    @Inject
    IncentivesDisclosure disclosure;

    /** The lines the caller may read: across organisations, or its own consortium's. */
    public Slice<IncentiveRequestView> page(Caller caller, Filter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("from " + IncentiveRequestProjection.TABLE + " where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!caller.readsAcrossOrganisations()) {
            sql.append(" and organisation = ?");
            params.add(caller.organisation());
        }
        if (filter.designation() != null) {
            sql.append(" and designation_number = ?");
            params.add(filter.designation());
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            params.add(filter.status());
        }
        if (filter.agency() != null) {
            sql.append(" and agency = ?");
            params.add(filter.agency());
        }
        return documents.page(sql.toString(), params, ORDER, page, IncentiveRequestView.class);
    }

    public Optional<IncentiveRequestView> find(String id) {
        return documents.find(IncentiveRequestProjection.TABLE, id, IncentiveRequestView.class);
    }

    public IncentiveRequestView existing(String id) {
        return find(id).orElseThrow(() -> new NotFound("incentive request", id));
    }

    /** The line, if the caller may read it (another consortium's line is a 404). */
    public IncentiveRequestView readable(Caller caller, String id) {
        return OrganisationScope.readable(caller, find(id), IncentiveRequestView::organisation, "incentive request", id);
    }

    public boolean exists(String id) {
        return documents.find(IncentiveRequestProjection.TABLE, id, Object.class).isPresent();
    }

    /** The ids of every line of a designation. */
    public List<String> idsOfDesignation(String designationNumber) {
        return documents.query("select to_jsonb(id) from " + IncentiveRequestProjection.TABLE + " where designation_number = ?",
                String.class, designationNumber);
    }

    /** The lines as the caller may see them: an applicant without the government's figures, and the incentives section as the disclosure rule allows. */
    public List<ObjectNode> shown(Caller caller, List<IncentiveRequestView> lines) {
        Map<String, String> owners = new HashMap<>();
        lines.forEach(l -> owners.put(l.proposalId(), l.organisation()));
        Map<String, Disclosure.Outcome> outcomes = disclosure.outcomes(caller, owners);
        return lines.stream().map(v -> disclosure.showLine(caller.readsAcrossOrganisations() ? v : v.forApplicant(),
                outcomes.get(v.proposalId()))).toList();
    }

    /** The caller's agency, when the line is routed to it: 404, 409 before routing, 403 for another agency's officer. */
    public String routedTo(Caller caller, String id) {
        IncentiveRequestView line = existing(id);
        if (line.agency() == null) {
            // a line cancelled before it was routed says so (LINE_CANCELLED), not that it waits for its routing
            Violations.conflictIfAny(IncentiveRequestPolicies.checkNotCancelled(IncentiveStatus.valueOf(line.status()), "decided"));
            throw new StateConflict("LINE_NOT_ROUTED", "EDAG has not routed this line to a financing agency yet");
        }
        String organisation = caller.organisation();
        if (!line.agency().equals(organisation)) {
            throw new ForbiddenException("the line is routed to " + line.agency() + ", not to " + organisation);
        }
        return organisation;
    }
}
