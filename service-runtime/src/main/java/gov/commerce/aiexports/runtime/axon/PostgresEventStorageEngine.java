package gov.commerce.aiexports.runtime.axon;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;

/**
 * Axon's JDBC storage engine, with each row's timestamp parsed once, by {@link IsoInstants}, when
 * the row is read: Axon parses the stored text again on every read of the timestamp, with the
 * general ISO parser, which dominated the cost of streaming the store.
 */
final class PostgresEventStorageEngine extends JdbcEventStorageEngine {

    private final String timestampColumn;

    PostgresEventStorageEngine(JdbcEventStorageEngine.Builder builder, String timestampColumn) {
        super(builder);
        this.timestampColumn = timestampColumn;
    }

    /**
     * No aggregate is snapshotted (a program's streams are short: performance.md, "Growth"), so the
     * snapshot table is not asked before every aggregate load: a statement per command for nothing.
     */
    @Override
    protected java.util.stream.Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return java.util.stream.Stream.empty();
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken) throws SQLException {
        TrackedEventData<?> data = super.getTrackedEventData(resultSet, previousToken);
        if (data instanceof DomainEventData<?> domain) {
            return new TrackedDomainEventData<>(data.trackingToken(), withTimestamp(domain, resultSet));
        }
        return data;
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return withTimestamp(super.getDomainEventData(resultSet), resultSet);
    }

    private <T> DomainEventData<T> withTimestamp(DomainEventData<T> data, ResultSet resultSet) throws SQLException {
        return new Parsed<>(data, IsoInstants.parse(resultSet.getString(timestampColumn)));
    }

    /** The row as Axon read it, with its timestamp already parsed. */
    private record Parsed<T>(DomainEventData<T> row, Instant timestamp) implements DomainEventData<T> {

        @Override
        public String getType() {
            return row.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return row.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return row.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return row.getEventIdentifier();
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return row.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return row.getPayload();
        }
    }
}
