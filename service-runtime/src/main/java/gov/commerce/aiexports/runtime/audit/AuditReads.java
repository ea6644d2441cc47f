package gov.commerce.aiexports.runtime.audit;

import gov.commerce.aiexports.runtime.request.Caller;
import java.util.List;

/**
 * What auditors read through /audit, told to the service that accounts for it: auditors read the
 * event store as stored (the offline verifier needs the exact bytes, so nothing is redacted), and a
 * service whose events carry confidential sections (proposals-service) records each such read in
 * its account of disclosure. Optional: a service without a bean of it records nothing. Called after
 * the events are read and before they are written out, once per response or, for the NDJSON export,
 * once per page; it must only enqueue, never slow the read.
 */
public interface AuditReads {

    /** Who read and under which correlation id; taken on the request's thread (an export is written later). */
    record Reader(Caller caller, String correlationId) {
    }

    /** The events of one response (a history, a page of the stream, a page of the export). */
    void events(Reader reader, String path, List<StoredEvent> events);

    /** An aggregate's state rebuilt as of an instant. */
    void state(Reader reader, String path, AggregateStates.State state);
}
