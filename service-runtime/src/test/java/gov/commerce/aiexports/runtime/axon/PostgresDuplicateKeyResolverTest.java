package gov.commerce.aiexports.runtime.axon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PostgresDuplicateKeyResolverTest {

    private final PostgresDuplicateKeyResolver resolver = new PostgresDuplicateKeyResolver();

    @Test
    void a_unique_violation_anywhere_in_the_cause_chain_is_a_duplicate_key() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");
        assertTrue(resolver.isDuplicateKeyViolation(new RuntimeException("wrapped", new IllegalStateException(unique))));
    }

    @Test
    void other_sql_errors_are_not() {
        assertFalse(resolver.isDuplicateKeyViolation(new RuntimeException(new SQLException("deadlock", "40P01"))));
        assertFalse(resolver.isDuplicateKeyViolation(new RuntimeException("no cause")));
    }
}
