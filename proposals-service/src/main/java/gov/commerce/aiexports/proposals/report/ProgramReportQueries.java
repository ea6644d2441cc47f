package gov.commerce.aiexports.proposals.report;

import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** The reads of the program report: every proposal's facts, from which the report at any instant is made. */
@Singleton
public class ProgramReportQueries {

    @Inject
    Documents documents;

    public List<ProgramFact> facts() {
        return documents.query("select doc from " + ProgramReportProjection.TABLE + " order by id", ProgramFact.class);
    }
}
