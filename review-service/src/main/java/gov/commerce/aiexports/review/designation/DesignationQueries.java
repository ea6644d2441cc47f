package gov.commerce.aiexports.review.designation;

import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.paging.Slice;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Every read of the catalogue of designations: by cursor, by page number (the public feed), one by its number. */
@Singleton
public class DesignationQueries {

    static final String TABLE = "designation_view";

    static final Keyset ORDER = Keyset.named("number").asc("id").build();

    @Inject
    Documents documents;

    /** The catalogue by designation number. */
    public Slice<DesignationView> page(PageRequest page) {
        return documents.page("from " + TABLE + " where 1 = 1", new ArrayList<>(), ORDER, page, DesignationView.class);
    }

    public DesignationView existing(String number) {
        return documents.find(TABLE, number, DesignationView.class).orElseThrow(() -> new NotFound("designation", number));
    }

    public long count() {
        return documents.count("select count(*) from " + TABLE);
    }

    /** A page of the public feed, by number: pageSize rows after offset. */
    public List<DesignationView> byNumber(int pageSize, int offset) {
        return documents.query("select doc from " + TABLE + " order by id limit ? offset ?", DesignationView.class, pageSize, offset);
    }
}
