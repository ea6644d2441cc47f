package gov.commerce.aiexports.runtime.request;

import gov.commerce.aiexports.runtime.domain.NotFound;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who may see and change what, by organisation: government roles, auditors and operators read
 * across organisations; an applicant reads and changes only its own organisation's things. What
 * another organisation owns is answered with 404, so that not even its existence leaks.
 */
public final class OrganisationScope {

    private OrganisationScope() {
    }

    /** For reads: the thing if the caller may see it. */
    public static <T> T readable(Caller caller, Optional<T> found, Function<T, String> organisationOf, String what, String id) {
        T thing = found.orElseThrow(() -> new NotFound(what, id));
        if (!caller.readsAcrossOrganisations() && !caller.organisation().equals(organisationOf.apply(thing))) {
            throw new NotFound(what, id);
        }
        return thing;
    }

    /** For changes: the thing if it belongs to the caller's organisation. */
    public static <T> T owned(Caller caller, Optional<T> found, Function<T, String> organisationOf, String what, String id) {
        T thing = found.orElseThrow(() -> new NotFound(what, id));
        if (!caller.organisation().equals(organisationOf.apply(thing))) {
            throw new NotFound(what, id);
        }
        return thing;
    }
}
