package gov.commerce.aiexports.runtime.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prefer: withheld=null, read and applied to a view's tree. */
class WithheldPreferenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKER = "{\"withheld\":\"BUSINESS_CONFIDENTIAL\",\"because\":\"%s\"}";

    @Test
    void each_marker_becomes_null_and_its_object_names_it_with_the_reason() throws Exception {
        JsonNode view = JSON.readTree("""
                {"id":"p-1","content":{"title":"T","summary":%s,"stack":{"hardware":%s,"models":{"name":"m"}},
                 "incentives":%s},
                 "documents":[{"documentId":"d-1","confidentiality":"BUSINESS_CONFIDENTIAL","withheld":"BUSINESS_CONFIDENTIAL","because":"NO_NEED_TO_KNOW"}],
                 "lines":[{"n":1,"amount":%s}]}""".formatted(MARKER.formatted("AGENCY_NOT_REQUIRED"), MARKER.formatted("OPERATOR"),
                MARKER.formatted("NO_FINANCING_NEED"), MARKER.formatted("NO_FINANCING_NEED")));

        WithheldPreference.separate(view);

        JsonNode content = view.get("content");
        assertTrue(content.get("summary").isNull());
        assertTrue(content.get("incentives").isNull());
        assertEquals(JSON.readTree("{\"summary\":\"AGENCY_NOT_REQUIRED\",\"incentives\":\"NO_FINANCING_NEED\"}"), content.get("withheldFields"));
        assertEquals("T", content.get("title").asText());
        assertTrue(content.get("stack").get("hardware").isNull());
        assertEquals("OPERATOR", content.get("stack").get("withheldFields").get("hardware").asText());
        assertEquals("m", content.get("stack").get("models").get("name").asText());
        assertEquals(JSON.readTree("{\"amount\":\"NO_FINANCING_NEED\"}"), view.get("lines").get(0).get("withheldFields"));
        // a document entry keeps its own typed withheld/because beside its id: it is not a marker
        assertEquals("NO_NEED_TO_KNOW", view.get("documents").get(0).get("because").asText());
        assertFalse(view.get("documents").get(0).has("withheldFields"));
        assertFalse(view.has("withheldFields"));
        assertFalse(view.toString().contains("{\"withheld\":"), "no marker left: " + view);
    }

    @Test
    void the_preference_is_read_as_rfc_7240_writes_it() {
        assertTrue(WithheldPreference.requested(List.of("withheld=null")));
        assertTrue(WithheldPreference.requested(List.of("respond-async, Withheld=\"NULL\"")));
        assertTrue(WithheldPreference.requested(List.of("wait=10", "withheld=null; x=1")));
        assertFalse(WithheldPreference.requested(List.of("withheld=marker")));
        assertFalse(WithheldPreference.requested(List.of("return=minimal")));
        assertFalse(WithheldPreference.requested(null));
    }
}
