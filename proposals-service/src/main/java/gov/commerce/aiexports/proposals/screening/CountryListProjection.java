package gov.commerce.aiexports.proposals.screening;

import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;

@ReadModel(tables = {"country_list_view"})
@ProcessingGroup("country-list-projection")
public class CountryListProjection {

    static final String TABLE = "country_list_view";
    private final Documents documents;

    public CountryListProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(CountryListEvent.Loaded e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        save(new CountryListView(e.version(), e.effectiveAt(), at, actor, e.groups(), null));
    }

    @EventHandler
    void on(CountryListEvent.RescreeningCompleted e, @Timestamp Instant at) {
        documents.find(TABLE, e.version(), CountryListView.class).ifPresent(v -> save(new CountryListView(v.version(),
                v.effectiveAt(), v.loadedAt(), v.loadedBy(), v.groups(), new CountryListView.Rescreening(at, e.proposalsChanged()))));
    }

    private void save(CountryListView v) {
        documents.upsert(TABLE, v.version(), Map.of("effective_at", v.effectiveAt()), v);
    }
}
