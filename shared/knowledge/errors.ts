/** Why a knowledge operation was refused; handlers map the code to an HTTP status. */
export type KnowledgeErrorCode = "NOT_FOUND" | "SYSTEM_KNOWLEDGE";

/** A refusal of the knowledge module (not a failure of its dependencies). */
export class KnowledgeError extends Error {
  readonly code: KnowledgeErrorCode;

  constructor(code: KnowledgeErrorCode, message: string) {
    super(message);
    this.name = "KnowledgeError";
    this.code = code;
  }
}
