package gov.commerce.aiexports.notifications.webhooks;

import gov.commerce.aiexports.runtime.readmodel.Documents;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The webhook secrets, kept apart from the event store (which auditors read and export) in a
 * table only this class touches. Written in the transaction of the registration, deleted in the
 * transaction of the removal. Never logged, never returned by the API.
 */
@Singleton
public class WebhookSecrets {

    @Inject
    Documents documents;
    @Inject
    AgroalDataSource dataSource;

    public void store(String webhookId, String secret) {
        documents.update("insert into webhook_secret (webhook_id, secret) values (?, ?)", webhookId, secret);
    }

    public void forget(String webhookId) {
        documents.update("delete from webhook_secret where webhook_id = ?", webhookId);
    }

    /** Empty once the webhook is removed. */
    public Optional<String> secretOf(String webhookId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select secret from webhook_secret where webhook_id = ?")) {
            s.setString(1, webhookId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the secret of webhook " + webhookId, e);
        }
    }
}
