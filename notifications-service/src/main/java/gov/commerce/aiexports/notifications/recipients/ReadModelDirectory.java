package gov.commerce.aiexports.notifications.recipients;

import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.notifications.disclosure.ProposalFactsStore;
import gov.commerce.aiexports.notifications.routing.Directory;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The routing rules' look-ups, on this service's read models. */
@Singleton
public class ReadModelDirectory implements Directory {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProposalFactsStore facts;

    @Override
    public ProposalFacts facts(String proposalId) {
        return facts.facts(proposalId);
    }

    @Override
    public List<String> knownConsortia() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select organisation from " + KnownConsortiaProjection.TABLE
                     + " order by organisation");
             ResultSet rs = s.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the known consortia", e);
        }
    }
}
