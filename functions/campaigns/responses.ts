// Moved to shared/http/responses.ts; this path stays for the tests and groups that still import it.
export * from "../../shared/http/responses.ts";
