package gov.commerce.aiexports.notifications.delivery;

/** How a delivery reaches its destination: an e-mail to a contact address, or a signed POST to a webhook URL. */
public enum Channel { EMAIL, WEBHOOK }
