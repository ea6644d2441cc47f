package gov.commerce.aiexports.review.oversight;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The oversight read model of one designation, as stored (table oversight_view). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OversightRecord {

    public String designationNumber;
    public String reviewId;
    public String proposalId;
    public String applicantOrganisation;
    public List<Obligation> conditions = new ArrayList<>();
    public List<Obligation> milestones = new ArrayList<>();
    public Schedule reportingSchedule;
    public List<Report> reports = new ArrayList<>();
    public List<Overdue> overdue = new ArrayList<>();
    public List<Document> documents = new ArrayList<>();
    public Instant updatedAt;

    /** A condition (kind null) or a milestone; status OPEN, EVIDENCE_SUBMITTED, ACCEPTED or REJECTED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Obligation {
        public String id;
        public String text;
        public String kind;
        public String country;
        public Integer lineNumber;
        public LocalDate dueDate;
        public String status = "OPEN";
        public List<Evidence> evidence = new ArrayList<>();
        public List<Decision> decisions = new ArrayList<>();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(String evidenceId, String text, List<String> documentIds, String submittedBy, Instant submittedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String decision, String evidenceId, String reason, String decidedBy, Instant decidedAt) {
    }

    public record Schedule(String frequency, LocalDate firstPeriodStart, int reportDueDays, String setBy, Instant setAt) {
    }

    public record Report(String reportId, int period, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, boolean late,
            String narrative, List<OversightEvent.MilestoneStatus> milestoneStatuses, List<OversightEvent.Figure> figures,
            String filedBy, Instant filedAt, List<String> documentIds) {
    }

    /** An attached file (fileId: where its bytes are; never shown). */
    public record Document(String documentId, String fileId, String fileName, String mediaType, long sizeBytes, String sha256,
            String confidentiality, String attachedBy, Instant attachedAt) {

        public boolean confidential() {
            return !gov.commerce.aiexports.runtime.files.FileTransfers.NOT_CONFIDENTIAL.equals(confidentiality);
        }
    }

    public record Overdue(String itemType, String itemId, String description, LocalDate dueDate, Instant flaggedAt) {
    }

    public java.util.Optional<Document> document(String documentId) {
        return documents.stream().filter(d -> d.documentId().equals(documentId)).findFirst();
    }

    Obligation find(String id) {
        return (id.startsWith("C") ? conditions : milestones).stream().filter(o -> o.id.equals(id)).findFirst().orElse(null);
    }
}
