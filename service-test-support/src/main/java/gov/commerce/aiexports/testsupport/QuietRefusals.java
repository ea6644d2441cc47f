package gov.commerce.aiexports.testsupport;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For aggregate fixture tests: Axon's repository logs a WARN with a stack trace for every command
 * refused in an aggregate's constructor or sent to one that does not exist, which those tests
 * provoke on purpose. Silenced for the test class only, then restored, so a Quarkus test after it
 * logs as before.
 */
public final class QuietRefusals implements BeforeAllCallback, AfterAllCallback {

    /** Held strongly: java.util.logging keeps only weak references to loggers. */
    private static final Logger REPOSITORY = Logger.getLogger("org.axonframework.modelling.command.AbstractRepository");
    private Level before;

    @Override
    public void beforeAll(ExtensionContext context) {
        before = REPOSITORY.getLevel();
        REPOSITORY.setLevel(Level.OFF);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        REPOSITORY.setLevel(before);
    }
}
