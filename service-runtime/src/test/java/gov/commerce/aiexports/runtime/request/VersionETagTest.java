package gov.commerce.aiexports.runtime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionETagTest {

    public record View(String id, long version) {
    }

    public static class Document {
        public String id = "d";
        public long version = 7;
    }

    @Test
    void the_version_of_a_record_a_document_or_json_is_the_etag() throws Exception {
        assertEquals(Optional.of("3"), VersionETag.versionOf(new View("a", 3)));
        assertEquals(Optional.of("7"), VersionETag.versionOf(new Document()));
        assertEquals(Optional.of("12"), VersionETag.versionOf(new ObjectMapper().readTree("{\"id\":\"x\",\"version\":12}")));
    }

    @Test
    void lists_and_views_without_a_version_have_none() throws Exception {
        assertEquals(Optional.empty(), VersionETag.versionOf(List.of(new View("a", 3))));
        assertEquals(Optional.empty(), VersionETag.versionOf("text"));
        assertEquals(Optional.empty(), VersionETag.versionOf(new ObjectMapper().readTree("{\"version\":\"v2\"}")));
        assertEquals(Optional.empty(), VersionETag.versionOf(null));
    }
}
