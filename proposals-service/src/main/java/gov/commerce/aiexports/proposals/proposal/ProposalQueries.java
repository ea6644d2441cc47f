package gov.commerce.aiexports.proposals.proposal;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.proposals.screening.IsoCountries;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.Sections;

/** The proposal list: filters, sorting and paging on the read model, scoped to what the caller may see. */
@Singleton
public class ProposalQueries {

    public record Filter(String callId, String status, String country, String instrument, String sort, Integer page, Integer size) {
    }

    public record Page(List<ProposalView> items, int page, int size, long total) {
    }

    private static final Map<String, String> SORTS = Map.of(
            "updatedAt", "updated_at desc, id",
            "submittedAt", "doc->>'submittedAt' desc nulls last, id",
            "title", "doc->'content'->>'title', id",
            "status", "status, updated_at desc, id");

    @Inject
    Documents documents;

    /**
     * The page of proposals the filter selects; {@code filterable}, when given, further keeps only those
     * the caller may be matched on (then the paging is done here, after it).
     */
    /** The proposals a newly loaded country list screens again: submitted, under review, awaiting information, designated. */
    public List<ProposalView> rescreenable() {
        return documents.query("select doc from " + ProposalProjection.TABLE + " where status in ('SUBMITTED', 'UNDER_REVIEW',"
                + " 'INFORMATION_REQUESTED', 'DESIGNATED') order by id", ProposalView.class);
    }

    public Page find(Caller caller, Filter f, Predicate<ProposalView> filterable) {
        int p = f.page() == null ? 0 : f.page();
        int s = f.size() == null ? 20 : f.size();
        if (p < 0 || s < 1 || s > 200) {
            throw new InvalidInput("PAGE_INVALID", "/size", "page from 0, size from 1 to 200");
        }
        String order = SORTS.get(f.sort() == null ? "updatedAt" : f.sort());
        if (order == null) {
            throw new InvalidInput("SORT_INVALID", "/sort", "sort is one of " + SORTS.keySet());
        }
        QueryParameters.identifier(f.callId(), "callId");
        String status = QueryParameters.oneOf(f.status(), "status", ProposalStatus.class);
        String instrument = QueryParameters.oneOf(f.instrument(), "instrument", Instrument.class);
        String country = f.country() == null ? null : f.country().toUpperCase(java.util.Locale.ROOT);
        if (country != null && !IsoCountries.isCountry(country)) {
            throw new InvalidInput("VALUE_NOT_ALLOWED", "/country", "country is an ISO 3166-1 alpha-2 code");
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!caller.readsAcrossOrganisations()) {
            where.append(" and organisation = ?");
            params.add(caller.organisation());
        }
        // drafts are their consortium's only (Disclosure)
        where.append(" and (status <> 'DRAFT' or organisation = ?)");
        params.add(caller.organisation());
        if (f.callId() != null) {
            where.append(" and call_id = ?");
            params.add(f.callId());
        }
        if (status != null) {
            where.append(" and status = ?");
            params.add(status);
        }
        if (country != null) {
            // a target country, alone or within a bloc
            where.append(" and exists (select 1 from jsonb_array_elements(coalesce(doc->'content'->'targets', '[]'::jsonb)) t"
                    + " where t->>'country' = ? or jsonb_exists(coalesce(t->'countries', '[]'::jsonb), ?))");
            params.add(country);
            params.add(country);
        }
        if (instrument != null) {
            where.append(" and exists (select 1 from jsonb_array_elements(coalesce(doc->'content'->'incentives', '[]'::jsonb)) i"
                    + " where i->>'instrument' = ?)");
            params.add(instrument);
        }
        if (filterable != null) {
            List<ProposalView> all = documents.query("select doc from proposal_view" + where + " order by " + order,
                    ProposalView.class, params.toArray()).stream().filter(filterable).toList();
            int from = (int) Math.min((long) p * s, all.size());
            return new Page(all.subList(from, Math.min(from + s, all.size())), p, s, all.size());
        }
        long total = documents.count("select count(*) from proposal_view" + where, params.toArray());
        params.add(s);
        params.add((long) p * s);
        List<ProposalView> items = documents.query("select doc from proposal_view" + where + " order by " + order
                + " limit ? offset ?", ProposalView.class, params.toArray());
        return new Page(items, p, s, total);
    }

    /** The CSV of a page; a section the rule withholds from the caller shows as withheld, not as empty. */
    static String csv(List<ProposalView> items, Map<String, Disclosure.Outcome> outcomes) {
        StringBuilder out = new StringBuilder("id,trackingNumber,callId,consortiumId,status,title,targetCountries,instruments,"
                + "submittedAt,designationNumber\r\n");
        for (ProposalView v : items) {
            List<String> instruments = v.content == null ? List.of()
                    : v.content.incentiveLines().stream().map(l -> String.valueOf(l.instrument())).distinct().toList();
            Disclosure.Outcome o = outcomes.get(v.id);
            String withheld = ProposalDisclosure.withheldText();
            out.append(String.join(",", cell(v.id), cell(v.trackingNumber), cell(v.callId), cell(v.consortiumId), cell(v.status),
                    cell(v.content == null ? null : v.content.title()),
                    cell(!o.shown(Sections.TARGETS) ? withheld : v.content == null ? null : String.join(" ", v.content.targetCountries())),
                    cell(!o.shown(Sections.INCENTIVES) ? withheld : String.join(" ", instruments)), cell(v.submittedAt == null ? null : v.submittedAt.toString()),
                    cell(v.designationNumber))).append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never runs it. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
