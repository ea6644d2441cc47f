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
import java.util.function.Consumer;
import java.util.function.Predicate;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.paging.Slice;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.Sections;

/** Every read of proposals: one proposal as a caller may read it, and the list (filters, sorting and paging, scoped to what the caller may see). */
@Singleton
public class ProposalQueries {

    public record Filter(String callId, String status, String country, String instrument, String sort, Integer page, Integer size,
            String cursor) {
    }

    /** {@code page} is null on a page reached by cursor; {@code next} is the cursor of the next page (null on the last). */
    public record Page(List<ProposalView> items, Integer page, int size, long total, String next) {
    }

    /** Each sort, made stable by the id: the order of both page numbers and cursors. */
    private static final Map<String, Keyset> SORTS = Map.of(
            "updatedAt", Keyset.named("updatedAt").desc("updated_at", "timestamptz").asc("id").build(),
            "submittedAt", Keyset.named("submittedAt").desc("coalesce(doc->>'submittedAt', '')").asc("id").build(),
            "title", Keyset.named("title").asc("coalesce(doc->'content'->>'title', '')").asc("id").build(),
            "status", Keyset.named("status").asc("status").desc("updated_at", "timestamptz").asc("id").build());

    @Inject
    Documents documents;

    public java.util.Optional<ProposalView> find(String id) {
        return documents.find(ProposalProjection.TABLE, id, ProposalView.class);
    }

    public ProposalView existing(String id) {
        return find(id).orElseThrow(() -> new gov.commerce.aiexports.runtime.domain.NotFound("proposal", id));
    }

    /** The proposal, if the caller may read it (another consortium's: 404): what the owning consortium's own operations answer with. */
    public ProposalView readable(Caller caller, String id) {
        return gov.commerce.aiexports.runtime.request.OrganisationScope.readable(caller, find(id), v -> v.organisation, "proposal", id);
    }

    /** The proposal, if the caller's consortium owns it (else 404). */
    public ProposalView owned(Caller caller, String id) {
        return gov.commerce.aiexports.runtime.request.OrganisationScope.owned(caller, find(id), v -> v.organisation, "proposal", id);
    }

    /** The proposals of those ids (in no particular order; an unknown id is left out). */
    public List<ProposalView> withIds(List<String> ids) {
        String marks = ids.stream().map(x -> "?").collect(java.util.stream.Collectors.joining(", "));
        return documents.query("select doc from " + ProposalProjection.TABLE + " where id in (" + marks + ")", ProposalView.class,
                ids.toArray());
    }

    /** The proposal that holds, or relinquished, a designation. */
    public java.util.Optional<ProposalView> designated(String number) {
        return documents.query("select doc from " + ProposalProjection.TABLE + " where doc->>'designationNumber' = ? "
                + "or doc->>'relinquishedDesignation' = ?", ProposalView.class, number, number).stream().findFirst();
    }

    /** The proposals a newly loaded country list screens again: submitted, under review, awaiting information, designated. */
    public List<ProposalView> rescreenable() {
        return documents.query("select doc from " + ProposalProjection.TABLE + " where status in ('SUBMITTED', 'UNDER_REVIEW',"
                + " 'INFORMATION_REQUESTED', 'DESIGNATED') order by id", ProposalView.class);
    }

    /** The selection of a filter: its from-where clause and parameters, and its order. */
    record Selection(String fromWhere, List<Object> params, Keyset order) {
    }

    Selection select(Caller caller, Filter f) {
        Keyset order = SORTS.get(f.sort() == null ? "updatedAt" : f.sort());
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
        return new Selection("from proposal_view" + where, params, order);
    }

    /**
     * The page of proposals the filter selects, from its page number or its cursor; {@code filterable},
     * when given, further keeps only those the caller may be matched on (the page is filled from
     * further rows, and the total counts only those).
     */
    public Page find(Caller caller, Filter f, Predicate<ProposalView> filterable) {
        PageRequest paging = PageRequest.sized(f.cursor(), f.page(), f.size(), 20, 200);
        Selection selection = select(caller, f);
        long total;
        if (filterable != null) {
            long[] kept = {0};
            documents.each(selection.fromWhere(), selection.params(), selection.order(), ProposalView.class, filterable, 500,
                    batch -> kept[0] += batch.size());
            total = kept[0];
        } else {
            total = documents.count("select count(*) " + selection.fromWhere(), selection.params().toArray());
        }
        Slice<ProposalView> slice = documents.page(selection.fromWhere(), selection.params(), selection.order(), paging,
                ProposalView.class, filterable, paging.offset(f.page()));
        return new Page(slice.items(), paging.first() ? (f.page() == null ? 0 : f.page()) : null, paging.limit(), total, slice.next());
    }

    /** Every proposal the filter selects (page, size and cursor aside), in its order, {@code batch} at a time: the CSV export. */
    public void each(Caller caller, Filter f, Predicate<ProposalView> filterable, Consumer<List<ProposalView>> sink) {
        Selection selection = select(caller, f);
        documents.each(selection.fromWhere(), selection.params(), selection.order(), ProposalView.class, filterable, 500, sink);
    }

    static final String CSV_HEADER = "id,trackingNumber,callId,consortiumId,status,title,targetCountries,instruments,"
            + "submittedAt,designationNumber\r\n";

    /** The CSV lines of proposals (without the header); a section the rule withholds from the caller shows as withheld, not as empty. */
    static String csv(List<ProposalView> items, Map<String, Disclosure.Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
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
