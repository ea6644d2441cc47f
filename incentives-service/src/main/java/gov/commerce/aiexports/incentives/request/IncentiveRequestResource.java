package gov.commerce.aiexports.incentives.request;

import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.OrganisationScope;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;

/** Government roles and auditors see every line; an applicant sees its own consortium's lines. */
@Path("/incentive-requests")
@RolesAllowed({Roles.APPLICANT, Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR,
        Roles.FINANCING_OFFICER, Roles.AUDITOR})
public class IncentiveRequestResource {

    @Inject
    Documents documents;
    @Inject
    RequestContext request;

    @GET
    public List<IncentiveRequestView> list(@QueryParam("designation") String designation, @QueryParam("status") String status,
            @QueryParam("agency") String agency) {
        StringBuilder sql = new StringBuilder("select doc from incentive_request_view where 1 = 1");
        List<Object> params = new ArrayList<>();
        Caller caller = request.caller();
        if (!caller.readsAcrossOrganisations()) {
            sql.append(" and organisation = ?");
            params.add(caller.organisation());
        }
        if (designation != null) {
            sql.append(" and designation_number = ?");
            params.add(designation);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.toUpperCase());
        }
        if (agency != null) {
            sql.append(" and agency = ?");
            params.add(agency.toUpperCase());
        }
        sql.append(" order by designation_number, (doc->>'lineNumber')::int limit 1000");
        return documents.query(sql.toString(), IncentiveRequestView.class, params.toArray());
    }

    @GET
    @Path("{id}")
    public IncentiveRequestView get(@PathParam("id") String id) {
        return OrganisationScope.readable(request.caller(),
                documents.find(IncentiveRequestProjection.TABLE, id, IncentiveRequestView.class),
                IncentiveRequestView::organisation, "incentive request", id);
    }
}
