package gov.commerce.aiexports.proposals.dossier;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the other services answer their part of a dossier (GET /audit/dossier-part). */
@ConfigMapping(prefix = "aiexports.dossier")
public interface DossierPeers {

    @WithDefault("http://127.0.0.1:8082")
    String reviewUrl();

    @WithDefault("http://127.0.0.1:8083")
    String incentivesUrl();

    @WithDefault("http://127.0.0.1:8084")
    String notificationsUrl();
}
