package gov.commerce.aiexports.runtime.axon;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;

/**
 * Axon's JDBC storage engine, with each row's timestamp parsed once, by {@link IsoInstants}, when
 * the row is read: Axon parses the stored text again on every read of the timestamp, with the
 * general ISO parser, which dominated the cost of streaming the store. A tracked row is built here
 * rather than by Axon, whose own builder parses the timestamp that way to decide its gaps (14% of a
 * replay's samples, performance.md); the gap rule is Axon's, unchanged.
 */
final class PostgresEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's default first global index, which this store keeps (its sequence starts at 1). */
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final String timestampColumn;
    private final GapSettings gaps;

    PostgresEventStorageEngine(JdbcEventStorageEngine.Builder builder, String timestampColumn, GapSettings gaps) {
        super(builder.gapTimeout(gaps.gapTimeoutMillis()).maxGapOffset(gaps.maxGapOffset())
                .gapCleaningThreshold(gaps.gapCleaningThreshold()));
        this.timestampColumn = timestampColumn;
        this.gaps = gaps;
    }

    /**
     * No aggregate is snapshotted (a program's streams are short: performance.md, "Growth"), so the
     * snapshot table is not asked before every aggregate load: a statement per command for nothing.
     */
    @Override
    protected java.util.stream.Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return java.util.stream.Stream.empty();
    }

    /**
     * As Axon's: a row younger than the gap timeout may still have gaps before it (transactions that
     * commit later), an older one closes them.
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken) throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        String stamp = resultSet.getString(timestampColumn);
        DomainEventData<Object> row = new GenericDomainEventEntry<>(resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier, resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier, stamp, resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()), readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
        Instant timestamp = IsoInstants.parse(stamp);
        boolean allowGaps = timestamp.isAfter(GenericEventMessage.clock.instant().minusMillis(gaps.gapTimeoutMillis()));
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                        ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                                .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet())
                : previousToken.advanceTo(globalSequence, allowGaps ? gaps.maxGapOffset() : 0);
        return new TrackedDomainEventData<>(token, new Parsed<>(row, timestamp));
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
