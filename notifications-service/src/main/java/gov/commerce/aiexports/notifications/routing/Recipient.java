package gov.commerce.aiexports.notifications.routing;

/** Who is told: a consortium (by its anchor member's UEI), an agency (by its code) or a person (by subject). */
public record Recipient(Type type, String id) {

    public enum Type { CONSORTIUM, AGENCY, PERSON }

    public static Recipient consortium(String uei) {
        return new Recipient(Type.CONSORTIUM, uei);
    }

    public static Recipient agency(String code) {
        return new Recipient(Type.AGENCY, code);
    }

    public static Recipient person(String subject) {
        return new Recipient(Type.PERSON, subject);
    }

    /** The inbox key: agencies and consortia are keyed by organisation, persons by subject. */
    public String inboxKey() {
        return type == Type.PERSON ? "person:" + id : "org:" + id;
    }

    /** Organisations have contact addresses for e-mail; a person is told in the inbox only. */
    public boolean reachableByEmail() {
        return type != Type.PERSON;
    }
}
