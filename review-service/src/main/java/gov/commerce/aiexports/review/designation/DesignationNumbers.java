package gov.commerce.aiexports.review.designation;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PAEP-2026-0007: the seventh designation of fiscal year 2026 (the caller counts the fiscal year in
 * America/New_York, see FiscalYear.of(Instant)). The counter row is taken in the
 * caller's transaction; concurrent designations queue on it and numbers stay gapless.
 */
@Singleton
public class DesignationNumbers {

    @Inject
    AgroalDataSource dataSource;

    public String next(int fiscalYear) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into designation_counter (fiscal_year, last_number) values (?, 1) "
                     + "on conflict (fiscal_year) do update set last_number = designation_counter.last_number + 1 returning last_number")) {
            s.setInt(1, fiscalYear);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return gov.commerce.aiexports.events.DesignationNumber.of(fiscalYear, rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot allocate a designation number", e);
        }
    }
}
