package gov.commerce.aiexports.runtime.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that a PostgreSQL unique violation (SQLState 23505) on the event table is a
 * concurrent append of the same aggregate version: Axon's own resolver misses it, and the
 * conflict would surface as a 500 instead of a 409.
 */
public final class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
