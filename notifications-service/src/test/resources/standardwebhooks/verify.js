// Verifies one captured webhook delivery with the reference library of the Standard Webhooks
// specification (npm standardwebhooks), as a receiver would: node verify.js SECRET HEADERS.json BODY [SECONDS_LATER]
// SECONDS_LATER moves the receiver's clock forward, as for a delivery captured and replayed later.
const fs = require("fs");
const { Webhook } = require("standardwebhooks");
const [secret, headersFile, bodyFile, later] = process.argv.slice(2);
if (later) {
  const realNow = Date.now;
  Date.now = () => realNow() + Number(later) * 1000;
}
const headers = JSON.parse(fs.readFileSync(headersFile, "utf8"));
const body = fs.readFileSync(bodyFile, "utf8");
try {
  const payload = new Webhook(secret).verify(body, headers);
  console.log("VERIFIED " + payload.eventId);
} catch (e) {
  console.log("REFUSED " + e.message);
  process.exit(3);
}
