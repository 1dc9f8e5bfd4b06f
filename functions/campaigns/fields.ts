// Moved to shared/http/fields.ts; this path stays for the Lords and groups that still import it.
export * from "../../shared/http/fields.ts";
