package gov.commerce.aiexports.review.oversight.application;

import gov.commerce.aiexports.events.FederalTime;
import gov.commerce.aiexports.review.oversight.OversightCommand;
import gov.commerce.aiexports.review.oversight.OversightEvent;
import gov.commerce.aiexports.review.review.ReviewView;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The consortium files a progress report on its own designation. */
@ApplicationScoped
public class FileProgressReport {

    public enum MilestoneProgress { NOT_STARTED, ON_TRACK, AT_RISK, DELAYED, ACHIEVED }

    public record MilestoneStatusRequest(String milestoneId, MilestoneProgress status, String note) {
    }

    public record FigureRequest(String name, String value, String unit) {
    }

    /** documentIds: documents attached to this designation's oversight (POST /oversight/{number}/documents), or none. */
    public record ReportRequest(Integer period, String narrative, List<MilestoneStatusRequest> milestoneStatuses,
            List<FigureRequest> figures, List<String> documentIds) {
    }

    @Inject
    Obligations obligations;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    @Transactional
    public void file(String number, String ifMatch, ReportRequest body) {
        obligations.ownedOpen(number, ifMatch, body);
        List<OversightEvent.MilestoneStatus> statuses = body.milestoneStatuses() == null ? List.of()
                : body.milestoneStatuses().stream().map(m -> m == null ? null : new OversightEvent.MilestoneStatus(m.milestoneId(),
                        m.status() == null ? null : m.status().name(), m.note())).toList();
        List<OversightEvent.Figure> figures = body.figures() == null ? List.of()
                : body.figures().stream().map(f -> f == null ? null : new OversightEvent.Figure(f.name(), f.value(), f.unit()))
                        .toList();
        String reportId = UUID.randomUUID().toString();
        commands.send(new OversightCommand.FileProgressReport(number, reportId, body.period(), body.narrative(), statuses, figures,
                body.documentIds(), FederalTime.today(clock), clock.instant()));
    }
}
