package gov.commerce.aiexports.proposals.consortium;

import gov.commerce.aiexports.runtime.readmodel.Documents;
import java.util.List;
import java.util.Map;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

@ReadModel(tables = {"consortium_view"})
@ProcessingGroup("consortium-projection")
public class ConsortiumProjection {

    static final String TABLE = "consortium_view";
    private final Documents documents;

    public ConsortiumProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(ConsortiumEvent.Registered e) {
        save(new ConsortiumView(e.consortiumId(), e.name(), e.anchorMember().uei(), e.anchorMember(), List.of(e.anchorMember())));
    }

    @EventHandler
    void on(ConsortiumEvent.MemberAdded e) {
        documents.find(TABLE, e.consortiumId(), ConsortiumView.class).ifPresent(v -> save(v.plus(e.member())));
    }

    @EventHandler
    void on(ConsortiumEvent.MemberRemoved e) {
        documents.find(TABLE, e.consortiumId(), ConsortiumView.class).ifPresent(v -> save(v.minus(e.uei())));
    }

    private void save(ConsortiumView view) {
        documents.upsert(TABLE, view.id(), Map.of("organisation", view.organisation()), view);
    }
}
